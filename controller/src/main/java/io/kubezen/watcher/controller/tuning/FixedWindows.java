package io.kubezen.watcher.controller.tuning;

import io.kubezen.watcher.config.DedupSpec;
import io.kubezen.watcher.pipeline.DedupPolicy;
import io.kubezen.watcher.projection.ConfigProjection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The sources whose dedup window the tuner leaves alone. The ingesters apply a source's own window whatever is
 * published when {@link DedupPolicy#of} says it is pinned; the tuner decides with the same rule, so it publishes
 * no window that nobody applies and shows no gauge for a window that is not in force. A source's spec is taken
 * where the ingesters take it: a projected Ingester replaces {@code zen-watcher.sources.<name>} of the same name.
 * Sources of {@code zen-watcher.tuning.pinned} are left alone whatever their spec says.
 */
public final class FixedWindows {

    private final ConfigProjection projection;
    private final Map<String, DedupSpec> configured;
    private final Set<String> pinned;

    /**
     * @param configured the {@code dedup} block of each source configured under {@code zen-watcher.sources.*}
     * @param pinned     {@code zen-watcher.tuning.pinned}
     */
    public FixedWindows(ConfigProjection projection, Map<String, DedupSpec> configured, Set<String> pinned) {
        this.projection = projection;
        this.configured = Map.copyOf(configured);
        this.pinned = Set.copyOf(pinned);
    }

    /**
     * Reads the projection, so an Ingester edit takes effect at the next tuning step.
     *
     * @throws io.kubezen.watcher.store.StoreUnavailableException when Redis fails
     */
    Set<String> sources() {
        Map<String, Boolean> fixed = new HashMap<>();
        configured.forEach((source, dedup) -> fixed.put(source, DedupPolicy.of(dedup).pinned()));
        projection.read().sources().values().forEach(spec ->
                fixed.put(spec.source(), DedupPolicy.of(spec.dedup()).pinned()));
        Set<String> sources = new HashSet<>(pinned);
        fixed.forEach((source, isFixed) -> {
            if (isFixed) {
                sources.add(source);
            }
        });
        return sources;
    }
}
