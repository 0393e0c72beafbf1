package io.kubezen.watcher.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.model.ArrayMap;
import io.kubezen.watcher.text.Utf8;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns detail values into plain, ordered Java values (maps, lists, strings, Long, Double, Boolean) and
 * bounds each one: an Observation lives in etcd, so a value larger than the bound is replaced by
 * {@code {"truncated": true, "bytes": N}} instead of making the create fail. Numbers the API server cannot read
 * become their text.
 */
final class DetailValues {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int maxBytes;

    DetailValues(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    Object bounded(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isContainerNode() || node.isTextual()) {
                int size = JsonSizes.of(node);
                if (size > maxBytes) {
                    return truncated(size);
                }
            }
            return toJava(node);
        }
        if (value instanceof String text) {
            int size = Utf8.length(text);
            return size > maxBytes ? truncated(size) : text;
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            // An adapter's own maps (a CloudEvent's attributes) hold payload text too, so they are bounded alike.
            return bounded(MAPPER.valueToTree(value));
        }
        return value;
    }

    static Object toJava(JsonNode node) {
        if (node.isObject()) {
            ArrayMap.Builder map = ArrayMap.builder(node.size());
            node.fields().forEachRemaining(field -> map.add(field.getKey(), toJava(field.getValue())));
            return map.build();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toJava(element)));
            return list;
        }
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            // The API server reads every number as an int64 or a float64 and refuses the whole object for one that
            // fits neither (a 400-digit integer, 1e999); its text keeps the value.
            return node.asText();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isFloatingPointNumber()) {
            return node.isBigDecimal() ? node.decimalValue() : node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static Map<String, Object> truncated(int size) {
        return ArrayMap.builder(2).add("truncated", true).add("bytes", size).build();
    }
}
