package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Validates a (pruned) custom resource against its structural {@code openAPIV3Schema} the way the API server's
 * OpenAPI validator does, with the same field paths and messages. CEL rules ({@code x-kubernetes-validations})
 * are {@link CelRules}' part; {@code anyOf}/{@code allOf}/{@code oneOf}/{@code not} and list-type semantics are
 * not checked.
 */
final class SchemaValidator {

    private static final List<String> ROOT_FIELDS = List.of("apiVersion", "kind", "metadata");

    private final List<FieldError> errors = new ArrayList<>();

    private SchemaValidator() {
    }

    static List<FieldError> validate(JsonNode object, JsonNode rootSchema) {
        SchemaValidator validator = new SchemaValidator();
        validator.validateObject(object, rootSchema, "", true);
        return validator.errors;
    }

    private void validate(JsonNode value, JsonNode schema, String path) {
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false) && (schema.has("type") || intOrString(schema))) {
                typeError(value, path, intOrString(schema) ? "integer,string" : schema.get("type").asText());
            }
            return;
        }
        if (intOrString(schema)) {
            if (!value.isTextual() && !isInteger(value)) {
                typeError(value, path, "integer,string");
            }
            return;
        }
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !type.equals(typeOf(value)) && !("number".equals(type) && value.isNumber())) {
            typeError(value, path, type);
            return;
        }
        checkEnum(value, schema, path);
        if (value.isTextual()) {
            checkString(value, schema, path);
        } else if (value.isNumber()) {
            checkNumber(value, schema, path);
        } else if (value.isArray()) {
            checkArray(value, schema, path);
        } else if (value.isObject()) {
            validateObject(value, schema, path, false);
        }
    }

    private void validateObject(JsonNode object, JsonNode schema, String path, boolean root) {
        for (JsonNode required : schema.path("required")) {
            if (!object.has(required.asText())) {
                errors.add(FieldError.required(child(path, required.asText()), ""));
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) object::fields) {
            if (root && ROOT_FIELDS.contains(field.getKey())) {
                continue;
            }
            JsonNode fieldSchema = properties.has(field.getKey()) ? properties.get(field.getKey()) : additional;
            if (fieldSchema.isObject()) {
                validate(field.getValue(), fieldSchema, child(path, field.getKey()));
            }
        }
        int size = object.size();
        if (schema.has("maxProperties") && size > schema.get("maxProperties").asInt()) {
            errors.add(new FieldError(FieldError.Type.TOO_MANY, path, IntNode.valueOf(size),
                    "must have at most " + schema.get("maxProperties").asInt() + " items"));
        }
        if (schema.has("minProperties") && size < schema.get("minProperties").asInt()) {
            errors.add(FieldError.invalid(path, IntNode.valueOf(size),
                    path + " in body should have at least " + schema.get("minProperties").asInt() + " properties"));
        }
    }

    private void checkString(JsonNode value, JsonNode schema, String path) {
        int length = value.asText().codePointCount(0, value.asText().length());
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            errors.add(new FieldError(FieldError.Type.TOO_LONG, path, value,
                    "may not be longer than " + schema.get("maxLength").asInt()));
        }
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            errors.add(FieldError.invalid(path, value,
                    path + " in body should be at least " + schema.get("minLength").asInt() + " chars long"));
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
            errors.add(FieldError.invalid(path, value,
                    path + " in body should match '" + schema.get("pattern").asText() + "'"));
        }
        String format = schema.path("format").asText("");
        if (!format.isEmpty() && !validFormat(format, value.asText())) {
            errors.add(new FieldError(FieldError.Type.TYPE_INVALID, path, value,
                    path + " in body must be of type " + format + ": \"" + value.asText() + "\""));
        }
    }

    private void checkNumber(JsonNode value, JsonNode schema, String path) {
        double number = value.doubleValue();
        if (schema.has("minimum")) {
            double min = schema.get("minimum").doubleValue();
            boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
            if (exclusive ? number <= min : number < min) {
                errors.add(FieldError.invalid(path, value, path + " in body should be greater than "
                        + (exclusive ? "" : "or equal to ") + plain(schema.get("minimum"))));
            }
        }
        if (schema.has("maximum")) {
            double max = schema.get("maximum").doubleValue();
            boolean exclusive = schema.path("exclusiveMaximum").asBoolean(false);
            if (exclusive ? number >= max : number > max) {
                errors.add(FieldError.invalid(path, value, path + " in body should be less than "
                        + (exclusive ? "" : "or equal to ") + plain(schema.get("maximum"))));
            }
        }
        if (schema.has("multipleOf") && Math.IEEEremainder(number, schema.get("multipleOf").doubleValue()) != 0) {
            errors.add(FieldError.invalid(path, value,
                    path + " in body should be a multiple of " + plain(schema.get("multipleOf"))));
        }
    }

    private void checkArray(JsonNode array, JsonNode schema, String path) {
        int size = array.size();
        if (schema.has("maxItems") && size > schema.get("maxItems").asInt()) {
            errors.add(new FieldError(FieldError.Type.TOO_MANY, path, IntNode.valueOf(size),
                    "must have at most " + schema.get("maxItems").asInt() + " items"));
        }
        if (schema.has("minItems") && size < schema.get("minItems").asInt()) {
            errors.add(FieldError.invalid(path, IntNode.valueOf(size),
                    path + " in body should have at least " + schema.get("minItems").asInt() + " items"));
        }
        if (schema.has("items")) {
            for (int i = 0; i < size; i++) {
                validate(array.get(i), schema.get("items"), path + "[" + i + "]");
            }
        }
    }

    private void checkEnum(JsonNode value, JsonNode schema, String path) {
        JsonNode allowed = schema.get("enum");
        if (allowed == null || !allowed.isArray()) {
            return;
        }
        for (JsonNode candidate : allowed) {
            if (candidate.equals(value) || (candidate.isNumber() && value.isNumber()
                    && candidate.doubleValue() == value.doubleValue())) {
                return;
            }
        }
        String supported = StreamSupport.stream(allowed.spliterator(), false)
                .map(v -> TextNode.valueOf(v.isTextual() ? v.asText() : v.toString()).toString())
                .collect(Collectors.joining(", "));
        errors.add(new FieldError(FieldError.Type.NOT_SUPPORTED, path, value, "supported values: " + supported));
    }

    private void typeError(JsonNode value, String path, String expected) {
        String actual = typeOf(value);
        errors.add(new FieldError(FieldError.Type.TYPE_INVALID, path, TextNode.valueOf(actual),
                path + " in body must be of type " + expected + ": \"" + actual + "\""));
    }

    private static boolean validFormat(String format, String value) {
        try {
            switch (format) {
                case "date-time" -> OffsetDateTime.parse(value);
                case "date" -> LocalDate.parse(value);
                case "byte" -> Base64.getDecoder().decode(value);
                default -> {
                    // Other formats are not checked here; the real server knows more of them.
                }
            }
            return true;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean intOrString(JsonNode schema) {
        return schema.path("x-kubernetes-int-or-string").asBoolean(false);
    }

    private static boolean isInteger(JsonNode value) {
        return value.isIntegralNumber() || (value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue()));
    }

    private static String typeOf(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isNumber()) {
            return isInteger(value) ? "integer" : "number";
        }
        return value.isTextual() ? "string" : value.isBoolean() ? "boolean" : value.isArray() ? "array" : "object";
    }

    private static String plain(JsonNode number) {
        double d = number.doubleValue();
        return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
