package io.kubezen.watcher.controller.tuning;

import io.kubezen.watcher.dedup.TrafficBuckets;
import io.kubezen.watcher.store.SourceNames;

import java.time.Duration;
import java.util.Set;

/**
 * How the window tuner runs; bound from {@code zen-watcher.tuning.*}.
 *
 * @param interval   time between tuning steps
 * @param rateWindow how far back a step looks to measure each source's rate
 * @param cooldown   the least time between two changes of one source's window
 * @param sources    sources to tune even before any traffic is counted for them
 * @param pinned     sources never tuned; any window published for them is withdrawn
 */
public record TuningOptions(Duration interval, Duration rateWindow, Duration cooldown, TierPolicy policy,
                            Set<String> sources, Set<String> pinned) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_RATE_WINDOW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(5);

    /** Messages name the {@code zen-watcher.tuning.*} keys the values come from. */
    public TuningOptions {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        if (rateWindow == null || rateWindow.compareTo(TrafficBuckets.SIZE) < 0
                || rateWindow.compareTo(TrafficBuckets.DEFAULT_RETENTION) > 0) {
            throw new IllegalArgumentException("rate-window must be between " + TrafficBuckets.SIZE + " and the "
                    + "traffic counters' retention of " + TrafficBuckets.DEFAULT_RETENTION + ", was " + rateWindow);
        }
        if (cooldown == null || cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative, was " + cooldown);
        }
        sources = Set.copyOf(sources);
        pinned = Set.copyOf(pinned);
        sources.forEach(SourceNames::check);
        pinned.forEach(SourceNames::check);
    }
}
