package io.kubezen.watcher.source.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.kubezen.watcher.config.ConfigErrors;

/**
 * Jayway JSONPath over Jackson trees, the form every payload is already parsed into. A path that matches
 * nothing reads as null: in a mapping a missing value is normal, never an error.
 */
final class JsonPaths {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Configuration CONFIGURATION = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private JsonPaths() {
    }

    /** Compiles a path, or reports why not under {@code field} and returns null. */
    static JsonPath compile(String path, String field, ConfigErrors errors) {
        if (path == null || !path.strip().startsWith("$")) {
            errors.add(field, "JSONPath '" + path + "' must start with '$'");
            return null;
        }
        try {
            return JsonPath.compile(path.strip());
        } catch (RuntimeException e) {
            errors.add(field, "invalid JSONPath '" + path + "': " + e.getMessage());
            return null;
        }
    }

    /** The match: for a definite path the value, for an indefinite one an array of all matches; else null. */
    static JsonNode read(JsonPath path, JsonNode document) {
        Object result = path.read(document, CONFIGURATION);
        if (result == null || result instanceof JsonNode node && (node.isNull() || node.isMissingNode())) {
            return null;
        }
        // Path functions such as length() answer with plain Java values.
        return result instanceof JsonNode node ? node : MAPPER.valueToTree(result);
    }

    /** A single value: an indefinite path's first match. */
    static JsonNode readOne(JsonPath path, JsonNode document) {
        JsonNode value = read(path, document);
        if (value != null && !path.isDefinite()) {
            return value.isArray() && !value.isEmpty() ? value.get(0) : null;
        }
        return value;
    }
}
