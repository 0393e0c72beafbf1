package io.kubezen.watcher.normalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The number of bytes a default {@link ObjectMapper} writes for a JSON tree, counted by walking the tree instead
 * of writing it: detail values are bounded by this size on every event, and writing a large audit event only to
 * measure it cost as much as writing it into the queue entry. Strings are counted with Jackson's escaping rules
 * (two-character escapes, {@code \}{@code u00XX} for other control characters, UTF-8 otherwise). Jackson writes
 * each UTF-16 surrogate as its own {@code \}{@code uXXXX} escape, and numbers other than int and long have
 * renderings of their own, so those leaves are measured by writing them; they are small and rare.
 */
final class JsonSizes {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int QUOTES = 2;

    private JsonSizes() {
    }

    static int of(JsonNode node) {
        if (node.isObject()) {
            return ofObject(node);
        }
        if (node.isArray()) {
            int size = 2 + Math.max(0, node.size() - 1);
            for (JsonNode element : node) {
                size += of(element);
            }
            return size;
        }
        if (node.isTextual()) {
            int size = ofString(node.textValue());
            return size >= 0 ? size : written(node);
        }
        if (node.isInt() || node.isLong()) {
            return decimalLength(node.longValue());
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? 4 : 5;
        }
        if (node.isNull()) {
            return 4;
        }
        return written(node);
    }

    private static int ofObject(JsonNode node) {
        int size = 2 + Math.max(0, node.size() - 1);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            int name = ofString(field.getKey());
            size += (name >= 0 ? name : written(field.getKey())) + 1 + of(field.getValue());
        }
        return size;
    }

    /** The quoted, escaped UTF-8 length; -1 when the text holds a surrogate, whose escaping is left to Jackson. */
    private static int ofString(String text) {
        int size = QUOTES;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                size += c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r' ? 2 : 6;
            } else if (c == '"' || c == '\\') {
                size += 2;
            } else if (c < 0x80) {
                size += 1;
            } else if (c < 0x800) {
                size += 2;
            } else if (Character.isSurrogate(c)) {
                return -1;
            } else {
                size += 3;
            }
        }
        return size;
    }

    private static int decimalLength(long value) {
        if (value == Long.MIN_VALUE) {
            return Long.toString(value).length();
        }
        int length = value < 0 ? 2 : 1;
        for (long rest = Math.abs(value); rest >= 10; rest /= 10) {
            length++;
        }
        return length;
    }

    private static int written(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value).length;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
