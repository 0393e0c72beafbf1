package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one JSON mapper of the harness and the few tree helpers every part needs. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a request body; anything that is not a JSON object is the client's mistake, so a 400. */
    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiError.badRequest("the request body is empty");
            }
            checkNumbers(node);
            return node;
        } catch (IOException e) {
            throw ApiError.badRequest("the body of the request is not valid JSON: " + e.getMessage());
        }
    }

    /**
     * The server decodes every number into Go's int64 or float64 and refuses the body when one fits neither, so a
     * number beyond float64's range (which Jackson reads as infinity or a BigInteger) is a 400 here too.
     */
    private static void checkNumbers(JsonNode node) {
        if (node.isContainerNode()) {
            node.forEach(Json::checkNumbers);
        } else if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            throw ApiError.badRequest("the body of the request is not valid JSON: strconv.ParseFloat: parsing \""
                    + node.asText() + "\": value out of range");
        }
    }

    static ObjectNode parseObject(byte[] body) {
        JsonNode node = parse(body);
        if (!node.isObject()) {
            throw ApiError.badRequest("the body of the request must be a JSON object");
        }
        return (ObjectNode) node;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object's {@code metadata}, created when absent, so callers can set fields on it. */
    static ObjectNode metadata(ObjectNode object) {
        JsonNode metadata = object.get("metadata");
        if (metadata instanceof ObjectNode node) {
            return node;
        }
        return object.putObject("metadata");
    }

    /** The field's text, or "" when it is absent or null: Kubernetes treats those alike for metadata strings. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    static Map<String, String> labels(ObjectNode object) {
        JsonNode labels = object.path("metadata").path("labels");
        Map<String, String> result = new LinkedHashMap<>();
        labels.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }

    /** Kubernetes writes timestamps as RFC 3339 with whole seconds. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
