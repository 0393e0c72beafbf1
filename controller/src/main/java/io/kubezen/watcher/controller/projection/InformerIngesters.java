package io.kubezen.watcher.controller.projection;

import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.controller.informer.InformerSourceRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Informer-type Ingesters are run by the leader's informer duty, not projected to the ingesters: this keeps the
 * set the duty runs, the sources of {@code zen-watcher.informers.*} beside those of Ingester resources.
 */
public final class InformerIngesters {

    private final InformerSourceRegistry registry;
    private final List<IngesterSpec> configured;
    private final Map<String, IngesterSpec> projected = new HashMap<>();

    /** @param registry null when this controller runs no informer duty */
    public InformerIngesters(InformerSourceRegistry registry, List<IngesterSpec> configured) {
        this.registry = registry;
        this.configured = List.copyOf(configured);
    }

    /** Runs the Ingester's source; returns what is wrong with it, in which case it does not run. */
    List<ConfigError> put(String key, IngesterSpec spec) {
        if (registry == null) {
            return List.of(new ConfigError("spec.type", "informer sources need the controller's informer duty, "
                    + "which runs when zen-watcher.redis.uri is set"));
        }
        projected.put(key, spec);
        List<ConfigError> errors = update().getOrDefault(spec.source(), List.of());
        if (!errors.isEmpty()) {
            projected.remove(key);
            update();
        }
        return errors;
    }

    void remove(String key) {
        if (projected.remove(key) != null) {
            update();
        }
    }

    private Map<String, List<ConfigError>> update() {
        List<IngesterSpec> all = new ArrayList<>(configured);
        all.addAll(projected.values());
        return registry.update(all);
    }
}
