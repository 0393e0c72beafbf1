package io.kubezen.watcher.controller.tuning;

import io.kubezen.watcher.dedup.TrafficBuckets;

import java.time.Duration;
import java.time.Instant;

/** Turns a {@link io.kubezen.watcher.dedup.TrafficCounter#sum} into events per second. */
final class TrafficRate {

    private TrafficRate() {
    }

    /**
     * The sum covers whole buckets from the one {@code period} before {@code now} up to the current, partly
     * filled one, so it is divided by that span rather than by the period: dividing by the period would
     * overstate the rate by up to one bucket's worth.
     */
    static double perSecond(long events, Instant now, Duration period) {
        Instant oldestBucket = Instant.ofEpochSecond(TrafficBuckets.bucketOf(now.minus(period)));
        double seconds = Duration.between(oldestBucket, now).toMillis() / 1000.0;
        return events / seconds;
    }
}
