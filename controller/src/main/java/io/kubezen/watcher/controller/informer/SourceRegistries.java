package io.kubezen.watcher.controller.informer;

import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.SourceType;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Every leader duty that runs sources (informers, logs) behind one registry: each takes the specs of its types. */
public final class SourceRegistries implements InformerSourceRegistry {

    private final List<InformerSourceRegistry> registries;

    private SourceRegistries(List<InformerSourceRegistry> registries) {
        this.registries = List.copyOf(registries);
    }

    /** Null when there is none, as when this controller runs no duty that takes sources. */
    public static InformerSourceRegistry of(List<InformerSourceRegistry> registries) {
        return registries.isEmpty() ? null : new SourceRegistries(registries);
    }

    @Override
    public Map<String, List<ConfigError>> update(List<IngesterSpec> specs) {
        Map<String, List<ConfigError>> problems = new TreeMap<>();
        registries.forEach(registry -> problems.putAll(registry.update(specs)));
        return problems;
    }

    @Override
    public Set<SourceType> types() {
        Set<SourceType> types = EnumSet.noneOf(SourceType.class);
        registries.forEach(registry -> types.addAll(registry.types()));
        return types;
    }
}
