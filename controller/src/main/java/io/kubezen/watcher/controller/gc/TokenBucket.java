package io.kubezen.watcher.controller.gc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Client-side rate limit on deletes, so a GC run after a long outage does not flood the API server: up to
 * {@code burst} calls at once, then {@code qps} per second. Thread-safe.
 */
public final class TokenBucket {

    private final double qps;
    private final double burst;
    private final Clock clock;
    private final Object lock = new Object();
    private double tokens;
    private Instant last;

    public TokenBucket(double qps, int burst, Clock clock) {
        if (!(qps > 0) || burst < 1) {
            throw new IllegalArgumentException("qps must be positive and burst at least 1, were " + qps + " and "
                    + burst);
        }
        this.qps = qps;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.last = clock.instant();
    }

    /**
     * Takes a token and answers how long to wait before using it: zero when one was there. A caller that waits
     * for longer than answered keeps its place; tokens taken ahead go negative, so concurrent callers queue up.
     */
    public Duration reserve() {
        synchronized (lock) {
            Instant now = clock.instant();
            double elapsedSeconds = Math.max(0, Duration.between(last, now).toNanos() / 1e9);
            tokens = Math.min(burst, tokens + elapsedSeconds * qps);
            last = now;
            tokens -= 1;
            return tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-tokens / qps * 1e9));
        }
    }
}
