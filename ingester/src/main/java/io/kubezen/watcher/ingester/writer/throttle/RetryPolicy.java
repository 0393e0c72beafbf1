package io.kubezen.watcher.ingester.writer.throttle;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a retryable write is tried again: exponential backoff with full jitter, so
 * writers that failed together (an API server restart) do not come back together.
 *
 * @param maxAttempts    tries in all, the first one included
 * @param backoffInitial ceiling of the first wait; each later ceiling doubles
 * @param backoffMax     no ceiling grows beyond this
 */
public record RetryPolicy(int maxAttempts, Duration backoffInitial, Duration backoffMax) {

    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_BACKOFF_INITIAL = Duration.ofMillis(200);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(10);
    private static final int MAX_DOUBLINGS = 30;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (backoffInitial.isNegative() || backoffInitial.isZero() || backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 < initial <= max, got "
                    + backoffInitial + " and " + backoffMax);
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF_INITIAL, DEFAULT_BACKOFF_MAX);
    }

    /**
     * The wait after failed attempt number {@code attempt} (1-based): uniformly random between zero and
     * {@code min(backoffMax, backoffInitial * 2^(attempt-1))}.
     */
    public Duration backoff(int attempt, RandomGenerator random) {
        int doublings = Math.min(Math.max(attempt - 1, 0), MAX_DOUBLINGS);
        long ceilingNanos = Math.min(backoffMax.toNanos(), saturatedShift(backoffInitial.toNanos(), doublings));
        return Duration.ofNanos((long) (random.nextDouble() * ceilingNanos));
    }

    private static long saturatedShift(long value, int doublings) {
        return value > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : value << doublings;
    }
}
