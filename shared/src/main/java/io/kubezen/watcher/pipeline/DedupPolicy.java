package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.config.DedupSpec;

import java.time.Duration;

/**
 * A source's dedup settings with defaults filled in. The window is the configured one; when the source is
 * adaptive (not pinned), the tuner's current window, if it published one, is applied instead by the dedup stage.
 * Both the ingesters (which window to apply) and the controller's tuner (which sources to leave alone) decide
 * with {@link #of}, so they agree on every source.
 *
 * @param pinned true when the source's own window applies whatever the tuner publishes: it set
 *               {@code windowSeconds} and did not ask for {@code adaptive: true}, or it said {@code adaptive: false}
 */
public record DedupPolicy(boolean enabled, Duration window, boolean pinned) {

    public static DedupPolicy of(DedupSpec spec) {
        if (spec == null) {
            return new DedupPolicy(DedupSpec.DEFAULT_ENABLED, Duration.ofSeconds(DedupSpec.DEFAULT_WINDOW_SECONDS), false);
        }
        return new DedupPolicy(spec.enabled() == null ? DedupSpec.DEFAULT_ENABLED : spec.enabled(),
                Duration.ofSeconds(spec.windowSeconds() == null ? DedupSpec.DEFAULT_WINDOW_SECONDS : spec.windowSeconds()),
                spec.adaptive() != null ? !spec.adaptive() : spec.windowSeconds() != null);
    }
}
