package io.kubezen.watcher.source;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * Typed reads of payload fields that fail with an {@link InvalidPayloadException} naming the field, so that
 * a payload of the wrong shape never surfaces as a cast or null-pointer error. {@code path} is where
 * {@code node} sits in the payload, used only for messages.
 */
public final class JsonFields {

    private JsonFields() {
    }

    public static JsonNode requireObject(JsonNode node, String path) throws InvalidPayloadException {
        if (node == null || !node.isObject()) {
            throw new InvalidPayloadException(path, "must be a JSON object, got " + describe(node));
        }
        return node;
    }

    public static JsonNode requireArray(JsonNode parent, String name, String path) throws InvalidPayloadException {
        JsonNode value = parent.get(name);
        if (value == null || !value.isArray()) {
            throw new InvalidPayloadException(join(path, name), "must be a JSON array, got " + describe(value));
        }
        return value;
    }

    /** The field's object, or null when absent or JSON null. */
    public static JsonNode optionalObject(JsonNode parent, String name, String path) throws InvalidPayloadException {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new InvalidPayloadException(join(path, name), "must be a JSON object, got " + describe(value));
        }
        return value;
    }

    public static String requireText(JsonNode parent, String name, String path) throws InvalidPayloadException {
        String value = optionalText(parent, name, path);
        if (value == null || value.isBlank()) {
            throw new InvalidPayloadException(join(path, name), "is required");
        }
        return value;
    }

    /** The field's string, or null when absent or JSON null; any other type is an error. */
    public static String optionalText(JsonNode parent, String name, String path) throws InvalidPayloadException {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidPayloadException(join(path, name), "must be a string, got " + describe(value));
        }
        return value.textValue();
    }

    /** A scalar as text (numbers and booleans too); null for absent, null, objects and arrays. */
    public static String scalarText(JsonNode value) {
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    public static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    private static String describe(JsonNode node) {
        return node == null || node.isMissingNode() ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
