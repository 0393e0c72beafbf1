package io.kubezen.watcher.source.cloudevents;

import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The producers whose types have a mapping of their own, compiled once per source. Every other type gets the
 * {@link DefaultMapping}. Supporting another producer is adding its mapping to the list in {@link #compile}.
 */
final class CloudEventMappings {

    /** falcosidekick's CloudEvents output: the data is the alert its webhook output would post. */
    static final String FALCOSIDEKICK_TYPE = "falco.rule.output.v1";

    private final Map<String, CloudEventMapping> byType;

    private CloudEventMappings(Map<String, CloudEventMapping> byType) {
        this.byType = Map.copyOf(byType);
    }

    static CloudEventMappings compile(SourceDefinition definition, ConfigErrors errors) {
        List<CloudEventMapping> mappings = List.of(
                DelegatingMapping.compile(Set.of(FALCOSIDEKICK_TYPE), SourceType.FALCO, definition, errors),
                new ApiServerSourceMapping());
        Map<String, CloudEventMapping> byType = new HashMap<>();
        for (CloudEventMapping mapping : mappings) {
            for (String type : mapping.types()) {
                if (byType.putIfAbsent(type, mapping) != null) {
                    throw new IllegalStateException("two CloudEvents mappings for type '" + type + "'");
                }
            }
        }
        return new CloudEventMappings(byType);
    }

    CloudEventMapping find(String type) {
        return byType.getOrDefault(type, DefaultMapping.INSTANCE);
    }
}
