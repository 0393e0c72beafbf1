package io.kubezen.watcher.controller.tuning;

import java.time.Duration;
import java.util.List;

/**
 * Maps a source's event rate to a dedup window. Busier sources get shorter windows: a source holds about
 * rate × window dedup records in Redis, so shortening the window bounds that memory, while quiet sources
 * keep long windows and stay quiet. Tier {@code i} starts at {@code thresholds[i-1]} events per second (tier 0
 * at zero) and uses {@code windows[i]}, clamped to {@code [minWindow, maxWindow]}.
 *
 * @param hysteresis the fraction by which a rate must pass a tier's threshold before the tier changes, so a
 *                   rate hovering around a threshold does not flip the window back and forth
 */
public record TierPolicy(List<Double> thresholds, List<Duration> windows, double hysteresis,
                         Duration minWindow, Duration maxWindow) {

    public static final List<Double> DEFAULT_THRESHOLDS = List.of(50.0, 500.0);
    public static final List<Duration> DEFAULT_WINDOWS =
            List.of(Duration.ofSeconds(300), Duration.ofSeconds(120), Duration.ofSeconds(60));
    public static final double DEFAULT_HYSTERESIS = 0.10;
    public static final Duration DEFAULT_MIN_WINDOW = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MAX_WINDOW = Duration.ofHours(1);

    /** Messages name the {@code zen-watcher.tuning.*} keys the values come from. */
    public TierPolicy {
        thresholds = List.copyOf(thresholds);
        windows = List.copyOf(windows);
        for (int i = 0; i < thresholds.size(); i++) {
            double previous = i == 0 ? 0 : thresholds.get(i - 1);
            if (!(thresholds.get(i) > previous) || thresholds.get(i).isInfinite()) {
                throw new IllegalArgumentException("thresholds must be positive and increasing, was " + thresholds);
            }
        }
        if (windows.size() != thresholds.size() + 1) {
            throw new IllegalArgumentException("windows needs one entry more than thresholds (" + thresholds.size()
                    + "), had " + windows.size());
        }
        windows.forEach(window -> requireWholeSeconds(window, "windows"));
        if (!(hysteresis >= 0 && hysteresis < 1)) {
            throw new IllegalArgumentException("hysteresis must be at least 0 and below 1, was " + hysteresis);
        }
        requireWholeSeconds(minWindow, "min-window");
        requireWholeSeconds(maxWindow, "max-window");
        if (minWindow.compareTo(maxWindow) > 0) {
            throw new IllegalArgumentException("min-window " + minWindow + " is above max-window " + maxWindow);
        }
    }

    public static TierPolicy defaults() {
        return new TierPolicy(DEFAULT_THRESHOLDS, DEFAULT_WINDOWS, DEFAULT_HYSTERESIS, DEFAULT_MIN_WINDOW,
                DEFAULT_MAX_WINDOW);
    }

    /** The tier of {@code eventsPerSecond} with no history: the number of thresholds it reaches. */
    public int tierOf(double eventsPerSecond) {
        int tier = 0;
        while (tier < thresholds.size() && eventsPerSecond >= thresholds.get(tier)) {
            tier++;
        }
        return tier;
    }

    /**
     * The tier after {@code current} when the rate is {@code eventsPerSecond}: moving up needs the rate to be
     * a threshold plus the hysteresis margin, moving down needs it below a threshold minus the margin.
     */
    public int next(int current, double eventsPerSecond) {
        int up = tierOf(eventsPerSecond / (1 + hysteresis));
        if (up > current) {
            return up;
        }
        int down = tierOf(eventsPerSecond / (1 - hysteresis));
        return Math.min(down, current);
    }

    public Duration window(int tier) {
        Duration window = windows.get(tier);
        return window.compareTo(minWindow) < 0 ? minWindow : window.compareTo(maxWindow) > 0 ? maxWindow : window;
    }

    private static void requireWholeSeconds(Duration window, String key) {
        if (window == null || window.getSeconds() < 1 || window.getNano() != 0) {
            throw new IllegalArgumentException(key + " must be whole seconds, at least 1s, was " + window);
        }
    }
}
