package io.kubezen.watcher.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every size is checked against what Jackson actually writes for the same tree. */
class JsonSizesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Characters whose encoding differs: ASCII, escapes, control, 2- and 3-byte UTF-8, surrogates of an emoji. */
    private static final String ALPHABET = "aZ9 /\"\\\b\t\n\f\r\u0000\u001f\u007f\u00e9\u07ff\u0800\u20ac\uffff\ud83d\ude00";

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "plain", "quote \" and backslash \\", "tab\tnewline\ncr\r", "nul \u0000 unit \u001f",
            "caf\u00e9 \u20ac", "emoji \ud83d\ude00", "lone \ud83d surrogate", "</script>"})
    void countsStringsAsJacksonEscapesThem(String text) throws IOException {
        assertSameSize(NODES.textNode(text));
        ObjectNode keyed = NODES.objectNode();
        keyed.put(text, text);
        assertSameSize(keyed);
    }

    @Test
    void countsNumbersBooleansAndNulls() throws IOException {
        for (long value : new long[] {0, 7, -7, 10, 99, 100, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
                Long.MIN_VALUE}) {
            assertSameSize(NODES.numberNode(value));
            assertSameSize(NODES.numberNode((int) value));
        }
        assertSameSize(NODES.arrayNode().add(1.5).add(1e300).add(Double.NaN).add(Double.NEGATIVE_INFINITY)
                .add(0.1f).add(new BigDecimal("1.50E+3")).add(new BigInteger("123456789012345678901234567890"))
                .add(true).add(false).addNull().add((short) 12));
    }

    @Test
    void countsEmptyAndNestedContainers() throws IOException {
        ObjectNode nested = NODES.objectNode();
        nested.putObject("empty");
        nested.putArray("none");
        nested.putArray("deep").addObject().putArray("x").addArray().add("y");
        assertSameSize(nested);
    }

    @Test
    void countsTheAuditFixturesAsJacksonWritesThem() throws IOException {
        Path fixtures = Paths.get("src/test/resources/fixtures");
        List<Path> payloads;
        try (Stream<Path> files = Files.walk(fixtures)) {
            payloads = files.filter(file -> file.toString().endsWith(".json")).toList();
        }
        assertThat(payloads).isNotEmpty();
        for (Path payload : payloads) {
            try (InputStream in = Files.newInputStream(payload)) {
                assertSameSize(MAPPER.readTree(in));
            }
        }
    }

    @Test
    void countsGeneratedTreesAsJacksonWritesThem() throws IOException {
        Random random = new Random(20261124L);
        for (int i = 0; i < 500; i++) {
            assertSameSize(tree(random, 0));
        }
    }

    private static JsonNode tree(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 5 : 7);
        return switch (kind) {
            case 0 -> NODES.textNode(text(random));
            case 1 -> NODES.numberNode(random.nextLong() >> random.nextInt(64));
            case 2 -> NODES.numberNode(random.nextInt());
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> random.nextBoolean() ? NODES.nullNode() : NODES.numberNode(random.nextDouble() * 1e6);
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int n = random.nextInt(4); n > 0; n--) {
                    array.add(tree(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int n = random.nextInt(4); n > 0; n--) {
                    object.set(text(random), tree(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static void assertSameSize(JsonNode node) throws IOException {
        assertThat(JsonSizes.of(node)).as("%s", node).isEqualTo(MAPPER.writeValueAsBytes(node).length);
    }
}
