package io.kubezen.watcher.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.SpecJson;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The projection's JSON form, the contract between the controller (which writes it) and every ingester (which
 * reads it): an object of {@link IngesterSpec}s by {@code namespace/name}, mapped by {@link SpecJson}. Each
 * spec is read on its own, so one that this process cannot read (a newer controller's) spoils only itself.
 * {@link #SCHEMA} changes only when a reader of the previous schema would misread a document; new optional
 * fields and new source types do not change it.
 */
public final class ProjectionDocument {

    public static final int SCHEMA = 1;

    private static final TypeReference<Map<String, JsonNode>> SPECS = new TypeReference<>() {
    };

    private ProjectionDocument() {
    }

    /** Sorted by key, so operators reading it with redis-cli find an Ingester where they expect it. */
    public static String write(Map<String, IngesterSpec> sources) {
        return SpecJson.write(new TreeMap<>(sources));
    }

    /** @throws IllegalArgumentException when the document is not a JSON object of objects */
    public static ProjectedConfig read(long version, String json) {
        Map<String, JsonNode> specs;
        try {
            specs = SpecJson.mapper().readValue(json, SPECS);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the projection is not a JSON object of objects: "
                    + e.getOriginalMessage(), e);
        }
        Map<String, IngesterSpec> sources = new HashMap<>();
        Map<String, String> unreadable = new HashMap<>();
        specs.forEach((key, spec) -> {
            try {
                sources.put(key, SpecJson.convert(spec));
            } catch (SpecJson.UnreadableSpecException e) {
                unreadable.put(key, e.getMessage());
            }
        });
        return new ProjectedConfig(version, sources, unreadable);
    }
}
