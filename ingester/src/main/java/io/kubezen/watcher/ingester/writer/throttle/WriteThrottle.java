package io.kubezen.watcher.ingester.writer.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The client-side rate limit for every Kubernetes API write of the process; client-java has none. A token
 * bucket: {@code burst} writes may go at once, then {@code qps} per second. Each caller reserves its token
 * under the lock and waits outside it, so waiters are served in arrival order and never hold the lock.
 *
 * <p>When the API server answers 429, {@link #pauseFor} stops every writer until its Retry-After has passed,
 * including callers that reserved a token earlier and are still waiting for it. The pause drains the bucket,
 * so writing resumes at {@code qps} rather than with a burst into a server that just pushed back.
 */
public final class WriteThrottle {

    public static final double DEFAULT_QPS = 50;
    public static final int DEFAULT_BURST = 100;
    private static final double NANOS_PER_SECOND = 1e9;

    private final Object lock = new Object();
    private final double qps;
    private final int burst;
    private final Clock clock;
    private final Sleeper sleeper;
    /** Tokens in the bucket as of {@link #stamp}; negative when callers are waiting for tokens not yet minted. */
    private double tokens;
    /** When {@link #tokens} was last brought up to date; in the future while a pause is in force. */
    private Instant stamp;
    private Instant pausedUntil;

    public WriteThrottle(double qps, int burst, Clock clock, Sleeper sleeper) {
        if (!(qps > 0) || burst < 1) {
            throw new IllegalArgumentException("qps must be positive and burst at least 1, got " + qps + " and " + burst);
        }
        this.qps = qps;
        this.burst = burst;
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = burst;
        this.stamp = clock.instant();
        this.pausedUntil = stamp;
    }

    /** Blocks until this caller may send one write. */
    public void acquire() throws InterruptedException {
        Duration wait = reserve();
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
            Instant now = clock.instant();
            Instant until = now.plus(retryAfter);
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
            refill(now);
            // One write may go when the pause ends, the rest follow at qps.
            tokens = Math.min(tokens, 1);
            if (pausedUntil.isAfter(stamp)) {
                stamp = pausedUntil;
            }
        }
    }

    private Duration reserve() {
        synchronized (lock) {
            Instant now = clock.instant();
            refill(now);
            tokens -= 1;
            Instant readyAt = tokens >= 0 ? stamp : stamp.plusNanos((long) Math.ceil(-tokens / qps * NANOS_PER_SECOND));
            return readyAt.isAfter(now) ? Duration.between(now, readyAt) : Duration.ZERO;
        }
    }

    private Duration pauseRemaining() {
        synchronized (lock) {
            Instant now = clock.instant();
            return pausedUntil.isAfter(now) ? Duration.between(now, pausedUntil) : Duration.ZERO;
        }
    }

    private void refill(Instant now) {
        if (now.isAfter(stamp)) {
            double minted = Duration.between(stamp, now).toNanos() * qps / NANOS_PER_SECOND;
            tokens = Math.min(burst, tokens + minted);
            stamp = now;
        }
    }
}
