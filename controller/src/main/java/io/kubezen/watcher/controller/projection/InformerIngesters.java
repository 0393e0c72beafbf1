package io.kubezen.watcher.controller.projection;

import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.controller.informer.InformerSourceRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Informer-type and logs-type Ingesters are run by the leader's duties, not projected to the ingesters: this keeps
 * the set the duties run, the sources of {@code zen-watcher.informers.*} beside those of Ingester resources.
 */
public final class InformerIngesters {

    private final InformerSourceRegistry registry;
    private final List<IngesterSpec> configured;
    private final Map<String, IngesterSpec> projected = new HashMap<>();
    private final Map<String, Long> generations = new HashMap<>();

    /** @param registry null when this controller runs no informer duty */
    public InformerIngesters(InformerSourceRegistry registry, List<IngesterSpec> configured) {
        this.registry = registry;
        this.configured = List.copyOf(configured);
    }

    /**
     * Runs the Ingester's source; returns what is wrong with it, in which case it does not run.
     *
     * @param generation the Ingester's generation {@code spec} is of
     */
    List<ConfigError> put(String key, IngesterSpec spec, long generation) {
        if (registry == null) {
            return List.of(new ConfigError("spec.type", spec.type().wireName() + " sources need the controller's "
                    + "duties, which run when zen-watcher.redis.uri is set"));
        }
        if (!registry.types().contains(spec.type())) {
            remove(key);
            return List.of(new ConfigError("spec.type", spec.type().wireName() + " sources are off on this "
                    + "controller; the chart's controller.logsSources.enabled turns them on (zen-watcher.logs.enabled) "
                    + "and grants the pod and log reads they need"));
        }
        projected.put(key, spec);
        List<ConfigError> errors = update().getOrDefault(spec.source(), List.of());
        if (errors.isEmpty()) {
            generations.put(key, generation);
        } else {
            remove(key);
        }
        return errors;
    }

    /** The generation of the Ingester that runs now; null when none does. */
    Long runningGeneration(String key) {
        return generations.get(key);
    }

    void remove(String key) {
        generations.remove(key);
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
