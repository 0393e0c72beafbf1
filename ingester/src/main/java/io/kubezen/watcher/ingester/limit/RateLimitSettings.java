package io.kubezen.watcher.ingester.limit;

import io.kubezen.watcher.throttle.TokenBucket;

/**
 * A token bucket: {@code burst} requests may arrive at once, and the bucket refills at
 * {@code ratePerSecond} (to the nearest 0.001). One request takes one token.
 *
 * <p>Bucket arithmetic runs in whole micro-tokens (a millionth of a token) per millisecond, in
 * {@link TokenBucket} and in the Redis script alike, so refills never lose fractions to floating point: a
 * request that is due is never refused by a rounding error. The bounds keep every value exact in a Lua number
 * (2^53).
 */
public record RateLimitSettings(double ratePerSecond, long burst) {

    public static final long MICRO_TOKENS_PER_TOKEN = TokenBucket.MICRO_TOKENS_PER_TOKEN;
    public static final double MIN_RATE_PER_SECOND = TokenBucket.MIN_RATE_PER_SECOND;
    public static final double MAX_RATE_PER_SECOND = 1_000_000;
    public static final long MAX_BURST = 1_000_000_000;

    public RateLimitSettings {
        if (!(ratePerSecond >= MIN_RATE_PER_SECOND && ratePerSecond <= MAX_RATE_PER_SECOND)) {
            throw new IllegalArgumentException("webhook.limits.ratePerSecond must be between " + MIN_RATE_PER_SECOND
                    + " and " + (long) MAX_RATE_PER_SECOND + ", got " + ratePerSecond);
        }
        if (burst < 1 || burst > MAX_BURST) {
            throw new IllegalArgumentException("webhook.limits.burst must be between 1 and " + MAX_BURST
                    + ", got " + burst);
        }
    }

    /** The refill: {@code ratePerSecond} tokens per second is this many micro-tokens per millisecond. */
    public long microTokensPerMilli() {
        return Math.round(ratePerSecond * 1000);
    }

    /** A full bucket, in micro-tokens. */
    public long capacity() {
        return burst * MICRO_TOKENS_PER_TOKEN;
    }
}
