package io.kubezen.watcher.ingester.writer.throttle;

import io.kubezen.watcher.throttle.TokenBucket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The client-side rate limit for every Kubernetes API write of the process; client-java has none. A
 * {@link TokenBucket}: {@code burst} writes may go at once, then {@code qps} per second. Each caller reserves
 * its token and waits outside any lock, so waiters are served in arrival order and never hold one.
 *
 * <p>When the API server answers 429, {@link #pauseFor} stops every writer until its Retry-After has passed,
 * including callers that reserved a token earlier and are still waiting for it. The pause drains the bucket,
 * so writing resumes at {@code qps} rather than with a burst into a server that just pushed back.
 */
public final class WriteThrottle {

    public static final double DEFAULT_QPS = 50;
    public static final int DEFAULT_BURST = 100;

    private final Object lock = new Object();
    private final TokenBucket bucket;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant pausedUntil;

    public WriteThrottle(double qps, int burst, Clock clock, Sleeper sleeper) {
        this.bucket = new TokenBucket(qps, burst, clock);
        this.clock = clock;
        this.sleeper = sleeper;
        this.pausedUntil = clock.instant();
    }

    /** Blocks until this caller may send one write. */
    public void acquire() throws InterruptedException {
        Duration wait = bucket.reserve();
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
        // A 429 answered to someone else while we waited pauses us too.
        for (Duration pause = pauseRemaining(); !pause.isZero(); pause = pauseRemaining()) {
            sleeper.sleep(pause);
        }
    }

    /** Holds every writer back for {@code retryAfter} from now; a shorter pause never cuts a longer one. */
    public void pauseFor(Duration retryAfter) {
        synchronized (lock) {
            Instant until = clock.instant().plus(retryAfter);
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
            bucket.holdUntil(pausedUntil);
        }
    }

    private Duration pauseRemaining() {
        synchronized (lock) {
            Instant now = clock.instant();
            return pausedUntil.isAfter(now) ? Duration.between(now, pausedUntil) : Duration.ZERO;
        }
    }
}
