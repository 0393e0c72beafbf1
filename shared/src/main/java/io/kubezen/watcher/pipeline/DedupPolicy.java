package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.config.DedupSpec;

import java.time.Duration;

/**
 * A source's dedup settings with defaults filled in. The window is the configured one; the adaptive tuner's
 * current window, when it has one and the source is not pinned, is applied later by the dedup stage.
 */
public record DedupPolicy(boolean enabled, Duration window, boolean pinned) {

    public static DedupPolicy of(DedupSpec spec) {
        if (spec == null) {
            return new DedupPolicy(DedupSpec.DEFAULT_ENABLED, Duration.ofSeconds(DedupSpec.DEFAULT_WINDOW_SECONDS),
                    DedupSpec.DEFAULT_PINNED);
        }
        return new DedupPolicy(spec.enabled() == null ? DedupSpec.DEFAULT_ENABLED : spec.enabled(),
                Duration.ofSeconds(spec.windowSeconds() == null ? DedupSpec.DEFAULT_WINDOW_SECONDS : spec.windowSeconds()),
                spec.pinned() == null ? DedupSpec.DEFAULT_PINNED : spec.pinned());
    }
}
