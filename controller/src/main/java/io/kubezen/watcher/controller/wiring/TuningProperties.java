package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.controller.tuning.TierPolicy;
import io.kubezen.watcher.controller.tuning.TuningOptions;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code zen-watcher.tuning.*}: the adaptive dedup window. Tier {@code i} starts at {@code thresholds[i-1]}
 * events per second and uses {@code windows[i]}; {@code windows} has one entry more than {@code thresholds}.
 *
 * @param enabled false: never tune; ingesters use the configured windows
 * @param sources sources to tune before any traffic is counted for them
 * @param pinned  sources never tuned
 */
@ConfigurationProperties(TuningProperties.PREFIX)
public record TuningProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "15s") Duration interval,
        @Bindable(defaultValue = "60s") Duration rateWindow,
        @Bindable(defaultValue = "5m") Duration cooldown,
        @Bindable(defaultValue = "50,500") List<Double> thresholds,
        @Bindable(defaultValue = "300s,120s,60s") List<Duration> windows,
        @Bindable(defaultValue = "0.1") double hysteresis,
        @Bindable(defaultValue = "10s") Duration minWindow,
        @Bindable(defaultValue = "1h") Duration maxWindow,
        @Nullable List<String> sources,
        @Nullable List<String> pinned) {

    public static final String PREFIX = "zen-watcher.tuning";

    TuningOptions toOptions() {
        try {
            TierPolicy policy = new TierPolicy(thresholds, windows, hysteresis, minWindow, maxWindow);
            return new TuningOptions(interval, rateWindow, cooldown, policy, setOf(sources), setOf(pinned));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid configuration under " + PREFIX + ": " + e.getMessage(), e);
        }
    }

    private static Set<String> setOf(List<String> names) {
        return names == null ? Set.of() : Set.copyOf(names);
    }
}
