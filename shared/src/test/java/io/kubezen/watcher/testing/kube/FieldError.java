package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One validation failure, worded as apimachinery's {@code field.Error} words it, because tests (and people) match
 * on these messages: {@code spec.severity: Unsupported value: "urgent": supported values: "high", "low"}.
 *
 * @param badValue the offending value, or null when the message leaves it out
 */
record FieldError(Type type, String field, JsonNode badValue, String detail) {

    enum Type {
        REQUIRED("FieldValueRequired", "Required value", false),
        INVALID("FieldValueInvalid", "Invalid value", true),
        TYPE_INVALID("FieldValueTypeInvalid", "Invalid value", true),
        NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value", true),
        TOO_LONG("FieldValueTooLong", "Too long", false),
        TOO_MANY("FieldValueTooMany", "Too many", true);

        private final String reason;
        private final String label;
        private final boolean showsValue;

        Type(String reason, String label, boolean showsValue) {
            this.reason = reason;
            this.label = label;
            this.showsValue = showsValue;
        }

        String reason() {
            return reason;
        }
    }

    static FieldError required(String field, String detail) {
        return new FieldError(Type.REQUIRED, field, null, detail);
    }

    static FieldError invalid(String field, JsonNode value, String detail) {
        return new FieldError(Type.INVALID, field, value, detail);
    }

    static FieldError invalid(String field, String value, String detail) {
        return invalid(field, TextNode.valueOf(value), detail);
    }

    /** The message without the field, as the Status cause carries it. */
    String body() {
        StringBuilder s = new StringBuilder(type.label);
        if (type.showsValue && badValue != null) {
            s.append(": ").append(render(badValue));
        }
        if (detail != null && !detail.isEmpty()) {
            s.append(": ").append(detail);
        }
        return s.toString();
    }

    String message() {
        return field + ": " + body();
    }

    /** Go's {@code %q} for strings and {@code %v} for numbers and booleans; JSON for anything larger. */
    static String render(JsonNode value) {
        if (value.isNull()) {
            return "\"null\"";
        }
        return value.isValueNode() && !value.isTextual() ? value.asText() : value.toString();
    }
}
