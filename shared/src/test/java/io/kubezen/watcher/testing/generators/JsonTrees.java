package io.kubezen.watcher.testing.generators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

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

    public static Gen<JsonNode> any() {
        return Generate.frequency(
                Pair.of(6, scalar()),
                Pair.of(3, integers().between(1, 3).flatMap(JsonTrees::nested)),
                Pair.of(1, deep()));
    }

    public static Gen<JsonNode> scalar() {
        return Generate.frequency(
                Pair.of(2, Generate.constant(NODES.nullNode())),
                Pair.of(2, booleans().all().map(NODES::booleanNode)),
                Pair.of(3, Numbers.longs().map(NODES::numberNode)),
                Pair.of(2, Numbers.doubles().map(NODES::numberNode)),
                Pair.of(2, bigNumbers()),
                Pair.of(8, text()));
    }

    public static Gen<JsonNode> text() {
        return Texts.any().map(NODES::textNode);
    }

    /** Texts, sometimes replaced by any other value. */
    public static Gen<JsonNode> mostlyText(Gen<String> text) {
        return Generate.frequency(Pair.of(9, text.map(NODES::textNode)), Pair.of(1, any()));
    }

    /** A key a tool would never choose, or an ordinary one. */
    public static Gen<String> key() {
        return Generate.frequency(Pair.of(1, Generate.pick(ODD_KEYS)), Pair.of(2, Texts.words(1, 12)),
                Pair.of(1, Texts.unicode()));
    }

    /** An object of {@link #key() keys} with values from {@code values}. */
    public static Gen<JsonNode> objectOf(Gen<JsonNode> values, int maxSize) {
        return lists().of(key().zip(values, Pair::of)).ofSizeBetween(0, maxSize).map(entries -> {
            ObjectNode object = NODES.objectNode();
            entries.forEach(entry -> object.set(entry._1, entry._2));
            return object;
        });
    }

    public static Gen<JsonNode> arrayOf(Gen<JsonNode> elements, int maxSize) {
        return arrayOf(elements, 0, maxSize);
    }

    public static Gen<JsonNode> arrayOf(Gen<JsonNode> elements, int minSize, int maxSize) {
        return lists().of(elements).ofSizeBetween(minSize, maxSize).map(list -> {
            ArrayNode array = NODES.arrayNode();
            list.forEach(array::add);
            return array;
        });
    }

    /** Integers beyond long and double, and decimals beyond double's range or precision. */
    private static Gen<JsonNode> bigNumbers() {
        return Generate.frequency(
                Pair.of(2, integers().between(19, 400)
                        .map(digits -> NODES.numberNode(new BigInteger("9".repeat(digits))))),
                Pair.of(1, Generate.pick(List.of("1e400", "-1e400", "1e-400", "123456789012345678901234567890.5"))
                        .map(text -> NODES.numberNode(new BigDecimal(text)))));
    }

    /** Arrays and objects {@code depth} levels deep, their members one level less, scalars at the bottom. */
    private static Gen<JsonNode> nested(int depth) {
        if (depth == 0) {
            return scalar();
        }
        Gen<JsonNode> inner = nested(depth - 1);
        return Generate.oneOf(arrayOf(inner, 4), objectOf(inner, 4));
    }

    /** A scalar wrapped in arrays and objects, nested a little less than the default limit of 64. */
    private static Gen<JsonNode> deep() {
        return scalar().zip(integers().between(DEEP - 8, DEEP), (leaf, depth) -> {
            JsonNode node = leaf;
            for (int i = 0; i < depth; i++) {
                node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("n", node);
            }
            return node;
        });
    }
}
