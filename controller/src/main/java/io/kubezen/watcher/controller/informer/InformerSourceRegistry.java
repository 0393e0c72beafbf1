package io.kubezen.watcher.controller.informer;

import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.SourceType;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the informer-type sources come from: the controller's configuration at start-up today, the projection of
 * Ingester resources later. Feeding it is all a configuration source does; the informer duty watches what it holds.
 */
public interface InformerSourceRegistry {

    /**
     * Replaces the whole set of informer sources. Specs of other types are ignored. Running informers of sources
     * that are gone or changed stop, new or changed ones start, unchanged ones keep running with their caches.
     *
     * @return the problems of each spec that does not compile, by source name; those sources are not run
     */
    Map<String, List<ConfigError>> update(List<IngesterSpec> specs);

    /** The source types this registry runs; specs of other types given to {@link #update} are ignored. */
    default Set<SourceType> types() {
        return Set.of(SourceType.INFORMER);
    }
}
