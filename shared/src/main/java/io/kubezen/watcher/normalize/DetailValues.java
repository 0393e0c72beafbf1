package io.kubezen.watcher.normalize;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns detail values into plain, ordered Java values (maps, lists, strings, Long, Double, Boolean) and
 * bounds each one: an Observation lives in etcd, so a value larger than the bound is replaced by
 * {@code {"truncated": true, "bytes": N}} instead of making the create fail.
 */
final class DetailValues {

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
            int size = text.getBytes(StandardCharsets.UTF_8).length;
            return size > maxBytes ? truncated(size) : text;
        }
        return value;
    }

    static Object toJava(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toJava(element)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isFloatingPointNumber()) {
            // An infinite double (from 1e999) has no JSON form; its name is the honest rendering.
            return node.isBigDecimal() ? node.decimalValue()
                    : Double.isFinite(node.doubleValue()) ? (Object) node.doubleValue() : node.asText();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static Map<String, Object> truncated(int size) {
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("truncated", true);
        marker.put("bytes", size);
        return marker;
    }
}
