package io.kubezen.watcher.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubezen.watcher.source.MalformedPayloadException;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.PayloadException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Whatever a sender posts, the pipeline answers with a result or one of the typed payload errors, never
 * with anything else (which the HTTP layer would turn into a 500). Every fixture is the seed: its bytes are
 * replaced, cut, nested, and every one of its values swapped for a hostile one. Seeded, so reproducible.
 */
class HostileInputTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> CONTENT_TYPES = List.of("application/json", "", "text/plain",
            "application/cloudevents+json", "application/cloudevents-batch+json", "application/cloudevents+xml",
            ";;;", "application/json; charset=\u0000");

    static List<FixtureCase> cases() {
        return FixtureCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void randomBytesAndHeaders(FixtureCase fixture) {
        IngestPipeline pipeline = Fixtures.pipeline(fixture.definition());
        Random random = new Random(fixture.name().hashCode());
        for (int i = 0; i < 300; i++) {
            byte[] body = new byte[random.nextInt(300)];
            random.nextBytes(body);
            Map<String, String> headers = new HashMap<>(fixture.headers());
            headers.put("ce-specversion", random.nextBoolean() ? "1.0" : randomText(random));
            headers.put("ce-" + randomText(random), randomText(random));
            String contentType = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
            survives(pipeline, new Payload(body, contentType, headers));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void truncatedPayloads(FixtureCase fixture) {
        IngestPipeline pipeline = Fixtures.pipeline(fixture.definition());
        for (int length = 0; length < fixture.body().length; length += 7) {
            byte[] prefix = new byte[length];
            System.arraycopy(fixture.body(), 0, prefix, 0, length);
            survives(pipeline, fixture.payload(prefix));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void deepNestingIsRefusedAsMalformed(FixtureCase fixture) {
        IngestPipeline pipeline = Fixtures.pipeline(fixture.definition());
        String deepArray = "[".repeat(100_000) + "]".repeat(100_000);
        String deepObject = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);

        for (String body : List.of(deepArray, deepObject)) {
            assertThatThrownBy(() -> pipeline.process(fixture.payload(body.getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(MalformedPayloadException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyValueSwappedForAHostileOne(FixtureCase fixture) throws Exception {
        IngestPipeline pipeline = Fixtures.pipeline(fixture.definition());
        JsonNode original = Fixtures.JSON.readTree(fixture.body());
        List<String> pointers = new ArrayList<>();
        collectPointers(original, "", pointers);
        int accepted = 0;
        for (String pointer : pointers) {
            for (JsonNode hostile : hostileValues()) {
                JsonNode mutated = replace(original.deepCopy(), pointer, hostile);
                accepted += survives(pipeline, fixture.payload(Fixtures.JSON.writeValueAsBytes(mutated))) ? 1 : 0;
            }
        }
        assertThat(accepted).as("some mutations are still valid payloads, so the later stages ran too").isPositive();
    }

    /** @return true when the payload was accepted, false when it was refused with a typed error */
    private static boolean survives(IngestPipeline pipeline, Payload payload) {
        try {
            pipeline.process(payload);
            return true;
        } catch (PayloadException typed) {
            assertThat(typed.getMessage()).isNotBlank();
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("untyped " + e + " for content type " + payload.contentType() + " and body "
                    + new String(payload.body(), 0, Math.min(payload.body().length, 300), StandardCharsets.UTF_8), e);
        }
    }

    private static List<JsonNode> hostileValues() {
        ArrayNode nested = NODES.arrayNode();
        nested.addArray().addArray().addObject().putArray("x");
        ObjectNode object = NODES.objectNode();
        object.putObject("a").put("b", "<NA>");
        return List.of(NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(0), NODES.numberNode(-1),
                NODES.numberNode(Double.MAX_VALUE), NODES.numberNode(new BigInteger("9".repeat(900))),
                NODES.numberNode(new BigDecimal("1e-900")), NODES.textNode(""),
                NODES.textNode("x".repeat(20_000)), NODES.textNode("\u0000\uD800 ../../\n"), NODES.textNode("<NA>"),
                NODES.textNode("9999999999999999999999"), NODES.arrayNode(), nested, NODES.objectNode(), object);
    }

    private static void collectPointers(JsonNode node, String pointer, List<String> pointers) {
        pointers.add(pointer);
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> collectPointers(node.get(name),
                    pointer + "/" + name.replace("~", "~0").replace("/", "~1"), pointers));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectPointers(node.get(i), pointer + "/" + i, pointers);
            }
        }
    }

    private static JsonNode replace(JsonNode root, String pointer, JsonNode value) {
        if (pointer.isEmpty()) {
            return value;
        }
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
        return root;
    }

    private static String randomText(Random random) {
        String alphabet = "abc%0Z-_.\u00e9\u0000 /";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
