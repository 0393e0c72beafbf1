package io.kubezen.watcher.testing.generators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a payload's JSON objects field by field. Each field usually holds its typical value, is sometimes absent,
 * and now and then (one in 70) holds any value at all; an object sometimes carries an extra field with an odd key.
 * Most generated payloads are therefore valid enough to be accepted, which is what the properties need to see.
 */
public final class JsonObjects {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, Arbitrary<JsonNode>> fields = new LinkedHashMap<>();

    private JsonObjects() {
    }

    public static JsonObjects object() {
        return new JsonObjects();
    }

    public JsonObjects field(String name, Arbitrary<JsonNode> typical) {
        fields.put(name, Arbitraries.frequencyOf(Tuple.of(60, typical),
                Tuple.of(10, Arbitraries.just(MissingNode.getInstance())), Tuple.of(1, JsonTrees.any())));
        return this;
    }

    /** A field that holds text from {@code typical}. */
    public JsonObjects text(String name, Arbitrary<String> typical) {
        return field(name, typical.map(NODES::textNode));
    }

    /** A field that is always present with a value from {@code values}, for the few a payload cannot do without. */
    public JsonObjects fixed(String name, Arbitrary<JsonNode> values) {
        fields.put(name, values);
        return this;
    }

    public Arbitrary<JsonNode> build() {
        List<String> names = new ArrayList<>(fields.keySet());
        List<Arbitrary<JsonNode>> values = new ArrayList<>(fields.values());
        values.add(Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(MissingNode.getInstance())),
                Tuple.of(1, JsonTrees.objectOf(JsonTrees.any(), 2))));
        return Combinators.combine(values).as(parts -> {
            ObjectNode object = NODES.objectNode();
            for (int i = 0; i < names.size(); i++) {
                if (!parts.get(i).isMissingNode()) {
                    object.set(names.get(i), parts.get(i));
                }
            }
            parts.get(names.size()).fields().forEachRemaining(extra -> object.putIfAbsent(extra.getKey(), extra.getValue()));
            return object;
        });
    }

    /** Text from {@code values} as JSON, for arrays and fixed fields. */
    public static Arbitrary<JsonNode> texts(Arbitrary<String> values) {
        return values.map(NODES::textNode);
    }
}
