package io.kubezen.watcher.testing.generators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a payload's JSON objects field by field. Each field usually holds its typical value, is sometimes absent,
 * and now and then (one in 70) holds any value at all; an object sometimes carries an extra field with an odd key.
 * Most generated payloads are therefore valid enough to be accepted, which is what the properties need to see.
 */
public final class JsonObjects {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, Gen<JsonNode>> fields = new LinkedHashMap<>();

    private JsonObjects() {
    }

    public static JsonObjects object() {
        return new JsonObjects();
    }

    public JsonObjects field(String name, Gen<JsonNode> typical) {
        fields.put(name, Generate.frequency(Pair.of(60, typical),
                Pair.of(10, Generate.constant(MissingNode.getInstance())), Pair.of(1, JsonTrees.any())));
        return this;
    }

    /** A field that holds text from {@code typical}. */
    public JsonObjects text(String name, Gen<String> typical) {
        return field(name, typical.map(NODES::textNode));
    }

    /** A field that is always present with a value from {@code values}, for the few a payload cannot do without. */
    public JsonObjects fixed(String name, Gen<JsonNode> values) {
        fields.put(name, values);
        return this;
    }

    public Gen<JsonNode> build() {
        Map<String, Gen<JsonNode>> parts = new LinkedHashMap<>(fields);
        Gen<JsonNode> extra = Generate.frequency(Pair.of(9, Generate.constant(MissingNode.getInstance())),
                Pair.of(1, JsonTrees.objectOf(JsonTrees.any(), 2)));
        return source -> {
            ObjectNode object = NODES.objectNode();
            parts.forEach((name, values) -> {
                JsonNode value = values.generate(source);
                if (!value.isMissingNode()) {
                    object.set(name, value);
                }
            });
            extra.generate(source).fields()
                    .forEachRemaining(field -> object.putIfAbsent(field.getKey(), field.getValue()));
            return object;
        };
    }

    /** Text from {@code values} as JSON, for arrays and fixed fields. */
    public static Gen<JsonNode> texts(Gen<String> values) {
        return values.map(NODES::textNode);
    }
}
