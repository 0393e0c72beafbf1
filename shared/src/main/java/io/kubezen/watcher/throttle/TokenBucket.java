package io.kubezen.watcher.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The process-side token bucket: {@code burst} tokens may go at once, then {@code ratePerSecond} (to the
 * nearest 0.001) come back each second. It serves the API-write throttles (GC deletes, Observation writes),
 * which {@link #reserve} a token and wait for it, and the in-memory rate limit of a source, which takes one
 * only when it is there ({@link #tryTake}). Thread-safe.
 *
 * <p>The arithmetic runs in whole micro-tokens (a millionth of a token) per millisecond, as the Redis
 * rate-limit script does, so refills never lose fractions to floating point: a token that is due is never
 * withheld by a rounding error, and the in-memory and the Redis limiter answer alike.
 */
public final class TokenBucket {

    public static final long MICRO_TOKENS_PER_TOKEN = 1_000_000;
    public static final double MIN_RATE_PER_SECOND = 0.001;

    private final Object lock = new Object();
    private final long perMilli;
    private final long capacity;
    private final Clock clock;
    /** Tokens as of {@link #stamp}; negative while callers wait for tokens reserved ahead of time. */
    private long microTokens;
    /** When {@link #microTokens} was last brought up to date, in epoch millis; in the future while held. */
    private long stamp;

    public TokenBucket(double ratePerSecond, long burst, Clock clock) {
        if (!(ratePerSecond >= MIN_RATE_PER_SECOND) || burst < 1) {
            throw new IllegalArgumentException("the rate must be at least " + MIN_RATE_PER_SECOND
                    + " per second and the burst at least 1, were " + ratePerSecond + " and " + burst);
        }
        this.perMilli = Math.round(ratePerSecond * 1000);
        this.capacity = Math.multiplyExact(burst, MICRO_TOKENS_PER_TOKEN);
        this.clock = clock;
        this.microTokens = capacity;
        this.stamp = clock.millis();
    }

    private TokenBucket(TokenBucket tokensOf, double ratePerSecond, long burst) {
        this(ratePerSecond, burst, tokensOf.clock);
        synchronized (tokensOf.lock) {
            this.microTokens = Math.min(capacity, tokensOf.microTokens);
            this.stamp = tokensOf.stamp;
        }
    }

    /** A bucket of another rate and burst that starts with this one's tokens, as far as they fit. */
    public TokenBucket resized(double ratePerSecond, long burst) {
        return new TokenBucket(this, ratePerSecond, burst);
    }

    /**
     * Takes a token and answers how long to wait before using it: zero when one was there. Tokens taken ahead
     * go negative, so concurrent callers queue up in arrival order; a caller that waits longer keeps its place.
     */
    public Duration reserve() {
        synchronized (lock) {
            long now = clock.millis();
            refill(now);
            microTokens -= MICRO_TOKENS_PER_TOKEN;
            return Duration.ofMillis(Math.max(0, stamp + millisUntil(0) - now));
        }
    }

    /** Takes a token if one is there (zero), or leaves the bucket as it was and says when one will be. */
    public Duration tryTake() {
        synchronized (lock) {
            long now = clock.millis();
            refill(now);
            if (stamp <= now && microTokens >= MICRO_TOKENS_PER_TOKEN) {
                microTokens -= MICRO_TOKENS_PER_TOKEN;
                return Duration.ZERO;
            }
            return Duration.ofMillis(Math.max(1, stamp + millisUntil(MICRO_TOKENS_PER_TOKEN) - now));
        }
    }

    /**
     * Mints nothing before {@code until}, and then starts from at most one token, so that what follows a hold
     * goes at the rate rather than in a burst. A shorter hold never cuts a longer one.
     */
    public void holdUntil(Instant until) {
        synchronized (lock) {
            refill(clock.millis());
            microTokens = Math.min(microTokens, MICRO_TOKENS_PER_TOKEN);
            stamp = Math.max(stamp, until.toEpochMilli());
        }
    }

    /** A clock that steps back refills nothing, and never moves the stamp back. */
    private void refill(long now) {
        if (now <= stamp) {
            return;
        }
        long elapsed = now - stamp;
        // Past the time that fills the bucket from where it is, the product could overflow: it is full.
        boolean full = elapsed >= (capacity - microTokens) / perMilli + 1;
        microTokens = full ? capacity : Math.min(capacity, microTokens + elapsed * perMilli);
        stamp = now;
    }

    /** Milliseconds from {@link #stamp} until the bucket holds {@code target} micro-tokens. */
    private long millisUntil(long target) {
        long missing = target - microTokens;
        return missing <= 0 ? 0 : (missing + perMilli - 1) / perMilli;
    }
}
