package io.kubezen.watcher.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns Micronaut's flattened properties ({@code falco.webhook.auth.mode=bearer}) back into the nested
 * maps of the Ingester shape. Keys keep their case, because {@code severityMap} and {@code details} keys
 * are the sender's words, not property names.
 */
public final class ConfigTree {

    private ConfigTree() {
    }

    /** @param prefix where the flat keys were read from, for error messages, such as {@code zen-watcher.sources} */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> unflatten(String prefix, Map<String, Object> flat) {
        Map<String, Object> root = new LinkedHashMap<>();
        flat.forEach((key, value) -> {
            String[] parts = key.split("\\.");
            Map<String, Object> node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                Object child = node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
                if (!(child instanceof Map)) {
                    throw new IllegalArgumentException(prefix + "." + key
                            + ": '" + parts[i] + "' holds a value and cannot also hold '" + parts[i + 1] + "'");
                }
                node = (Map<String, Object>) child;
            }
            node.put(parts[parts.length - 1], value);
        });
        return root;
    }
}
