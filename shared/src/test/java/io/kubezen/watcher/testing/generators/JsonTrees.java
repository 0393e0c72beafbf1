package io.kubezen.watcher.testing.generators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Any JSON value, for the places where a sender may put the wrong type: scalars at their edges (numbers beyond
 * long and double, texts from {@link Texts}), small arrays and objects with odd keys, and chains nested almost as
 * deep as a source's default nesting limit.
 */
public final class JsonTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int DEEP = 56;
    private static final List<String> ODD_KEYS = List.of("", " ", "$", ".", "a.b", "[0]", "*", "\u043A\u043B\u044E\u0447",
            "\uD83D\uDE00", "\u0000", "x".repeat(300), "metadata", "rule", "raw", "eventTypeFull", "__proto__",
            "k8s.ns.name", "severity");

    private JsonTrees() {
    }

    public static Arbitrary<JsonNode> any() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, scalar()),
                Tuple.of(3, Arbitraries.recursive(JsonTrees::scalar, JsonTrees::container, 1, 3)),
                Tuple.of(1, deep()));
    }

    public static Arbitrary<JsonNode> scalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(NODES.nullNode())),
                Tuple.of(2, Arbitraries.of(true, false).map(NODES::booleanNode)),
                Tuple.of(3, Arbitraries.longs().map(NODES::numberNode)),
                Tuple.of(2, Arbitraries.doubles().map(NODES::numberNode)),
                Tuple.of(2, bigNumbers()),
                Tuple.of(8, text()));
    }

    public static Arbitrary<JsonNode> text() {
        return Texts.any().map(NODES::textNode);
    }

    /** Texts, sometimes replaced by any other value. */
    public static Arbitrary<JsonNode> mostlyText(Arbitrary<String> text) {
        return Arbitraries.frequencyOf(Tuple.of(9, text.map(NODES::textNode)), Tuple.of(1, any()));
    }

    /** A key a tool would never choose, or an ordinary one. */
    public static Arbitrary<String> key() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(ODD_KEYS)), Tuple.of(2, Texts.words(1, 12)),
                Tuple.of(1, Texts.unicode()));
    }

    /** An object of {@link #key() keys} with values from {@code values}. */
    public static Arbitrary<JsonNode> objectOf(Arbitrary<JsonNode> values, int maxSize) {
        return Combinators.combine(key(), values).as(Tuple::of).list().ofMaxSize(maxSize).map(entries -> {
            ObjectNode object = NODES.objectNode();
            entries.forEach(entry -> object.set(entry.get1(), entry.get2()));
            return object;
        });
    }

    public static Arbitrary<JsonNode> arrayOf(Arbitrary<JsonNode> elements, int maxSize) {
        return arrayOf(elements, 0, maxSize);
    }

    public static Arbitrary<JsonNode> arrayOf(Arbitrary<JsonNode> elements, int minSize, int maxSize) {
        return elements.list().ofMinSize(minSize).ofMaxSize(maxSize).map(list -> {
            ArrayNode array = NODES.arrayNode();
            list.forEach(array::add);
            return array;
        });
    }

    /** Integers beyond long and double, and decimals beyond double's range or precision. */
    private static Arbitrary<JsonNode> bigNumbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.integers().between(19, 400)
                        .map(digits -> NODES.numberNode(new BigInteger("9".repeat(digits))))),
                Tuple.of(1, Arbitraries.of("1e400", "-1e400", "1e-400", "123456789012345678901234567890.5")
                        .map(text -> NODES.numberNode(new BigDecimal(text)))));
    }

    private static Arbitrary<JsonNode> container(Arbitrary<JsonNode> inner) {
        return Arbitraries.oneOf(arrayOf(inner, 4), objectOf(inner, 4));
    }

    /** A scalar wrapped in arrays and objects, nested a little less than the default limit of 64. */
    private static Arbitrary<JsonNode> deep() {
        return Combinators.combine(scalar(), Arbitraries.integers().between(DEEP - 8, DEEP)).as((leaf, depth) -> {
            JsonNode node = leaf;
            for (int i = 0; i < depth; i++) {
                node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("n", node);
            }
            return node;
        });
    }
}
