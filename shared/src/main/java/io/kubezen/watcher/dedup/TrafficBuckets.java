package io.kubezen.watcher.dedup;

import java.time.Duration;
import java.time.Instant;

/** The fixed time buckets traffic is counted in, the same for every {@link TrafficCounter} implementation. */
public final class TrafficBuckets {

    public static final Duration SIZE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(5);

    private static final long SIZE_SECONDS = SIZE.getSeconds();

    private TrafficBuckets() {
    }

    /** The start, in epoch seconds, of the bucket {@code instant} falls in. */
    public static long bucketOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), SIZE_SECONDS) * SIZE_SECONDS;
    }

    /** The starts of every bucket that overlaps the {@code period} before {@code now}, oldest first. */
    public static long[] covering(Instant now, Duration period, Duration retention) {
        if (period.isZero() || period.isNegative() || period.compareTo(retention) > 0) {
            throw new IllegalArgumentException("period must be positive and at most the retention of "
                    + retention + ", was " + period);
        }
        long newest = bucketOf(now);
        long oldest = bucketOf(now.minus(period));
        long[] buckets = new long[(int) ((newest - oldest) / SIZE_SECONDS) + 1];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = oldest + i * SIZE_SECONDS;
        }
        return buckets;
    }
}
