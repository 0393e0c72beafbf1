package io.kubezen.watcher.ingester.sources;

import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.InvalidSourceException;
import io.kubezen.watcher.projection.ProjectedConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies the controller's projected Ingesters to the {@link SourceCatalog}. Precedence, lowest first:
 * built-in sources, {@code zen-watcher.sources.*}, projected Ingesters; an Ingester replaces a configured
 * source of the same name, as an Ingester replaces a built-in one, because the cluster's resources are what
 * operators change at run time. The controller validated every projected spec, so one that does not build
 * here (a file the pod lacks, a newer type) is an operator's problem: it is logged at ERROR once per spec,
 * and its last good version keeps serving.
 */
public final class ProjectedSources {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectedSources.class);

    private final SourceCatalog catalog;
    private final SourceBuilder builder;
    private final Map<String, ReceiverSource> base;
    private final Set<Object> reported = new HashSet<>();
    private final Object lock = new Object();
    private Map<String, Built> current = Map.of();
    private long appliedVersion;

    /** @param catalog holding the built-in and configured sources, which stay under every projection */
    public ProjectedSources(SourceCatalog catalog, SourceBuilder builder) {
        this.catalog = catalog;
        this.builder = builder;
        this.base = new TreeMap<>();
        catalog.all().forEach(source -> base.put(source.name(), source));
    }

    /** Builds what changed since the last call and swaps the catalog at once; a version seen before is skipped. */
    void apply(ProjectedConfig config) {
        synchronized (lock) {
            if (config.version() == appliedVersion) {
                return;
            }
            Map<String, Built> next = new HashMap<>();
            config.unreadable().forEach((ingester, reason) -> {
                Built previous = current.get(ingester);
                report(ingester, reason, reason, previous);
                if (previous != null) {
                    next.put(ingester, previous);
                }
            });
            config.sources().forEach((ingester, spec) -> {
                Built previous = current.get(ingester);
                Built built = previous != null && previous.spec().equals(spec) ? previous : build(ingester, spec, previous);
                if (built != null) {
                    next.put(ingester, built);
                }
            });
            Map<String, ReceiverSource> merged = new TreeMap<>(base);
            next.values().forEach(built -> merged.put(built.source().name(), built.source()));
            catalog.replaceAll(merged);
            current = next;
            appliedVersion = config.version();
            LOG.info("Applied projected configuration version {}: receiving for sources {}", config.version(),
                    merged.keySet());
        }
    }

    private Built build(String ingester, IngesterSpec spec, Built previous) {
        try {
            return new Built(spec, builder.build(spec));
        } catch (IllegalArgumentException | InvalidSourceException e) {
            report(ingester, spec, e.getMessage(), previous);
            return previous;
        }
    }

    /** @param spec what failed, so that the same failure is logged once, and a new one again */
    private void report(String ingester, Object spec, String reason, Built previous) {
        if (reported.add(spec)) {
            LOG.error("Projected Ingester {} does not build in this ingester ({}); {}", ingester, reason,
                    previous == null ? "it is not served" : "its last good version keeps serving");
        }
    }

    private record Built(IngesterSpec spec, ReceiverSource source) {
    }
}
