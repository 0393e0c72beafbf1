package io.kubezen.watcher.testing.crd;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.config.NotInResource;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a Java record with a CRD's OpenAPI schema, both ways. A Java field missing from the schema is
 * pruned by a real API server, so the code would read nothing; a schema field missing from Java is accepted
 * from users and then ignored. Types must agree too: an {@code Integer} needs a bounded schema, or the API
 * server accepts numbers the code cannot read.
 */
public final class SchemaConformance {

    private final List<String> problems = new ArrayList<>();

    private SchemaConformance() {
    }

    /** Every disagreement between {@code type} and {@code schema}, each prefixed with its field path. */
    public static List<String> problems(Class<? extends Record> type, JsonNode schema, String path) {
        SchemaConformance check = new SchemaConformance();
        check.compare(type, schema, path);
        return check.problems;
    }

    /**
     * Printer columns whose {@code jsonPath} names no declared field, or a field of another type; kubectl
     * would show an empty column. Paths into {@code metadata} belong to the API server and are not checked.
     */
    public static List<String> printerColumnProblems(JsonNode crdVersion) {
        JsonNode root = crdVersion.path("schema").path("openAPIV3Schema");
        List<String> problems = new ArrayList<>();
        for (JsonNode column : crdVersion.path("additionalPrinterColumns")) {
            String jsonPath = column.path("jsonPath").asText();
            if (jsonPath.startsWith(".metadata.")) {
                continue;
            }
            JsonNode node = root;
            // A filter such as [?(@.type=="Ready")] selects array items; only the field names matter here.
            for (String segment : jsonPath.replaceAll("\\[[^\\]]*\\]", "[]").substring(1).split("\\.")) {
                boolean array = segment.endsWith("[]");
                node = node.path("properties").path(array ? segment.substring(0, segment.length() - 2) : segment);
                node = array ? node.path("items") : node;
            }
            String schemaType = node.path("type").asText("(undeclared)");
            // kubectl prints a date column from an RFC 3339 string as an age.
            boolean dateTime = "string".equals(schemaType) && "date-time".equals(node.path("format").asText());
            String columnType = column.path("type").asText();
            if (!schemaType.equals(columnType) && !(dateTime && "date".equals(columnType))) {
                problems.add("column " + column.path("name").asText() + " " + jsonPath + ": type "
                        + column.path("type").asText() + ", field " + schemaType);
            }
        }
        return problems;
    }

    private void compare(Type javaType, JsonNode schema, String path) {
        Class<?> raw = rawClass(javaType);
        if (raw.isRecord()) {
            compareRecord(raw, schema, path);
        } else if (List.class.isAssignableFrom(raw)) {
            if (expectType(schema, "array", path)) {
                compare(typeArgument(javaType, 0), schema.path("items"), path + "[]");
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            compareMap(javaType, schema, path);
        } else if (raw.isEnum()) {
            compareEnum(raw, schema, path);
        } else if (raw == String.class) {
            expectType(schema, "string", path);
        } else if (raw == Instant.class) {
            if (expectType(schema, "string", path) && !"date-time".equals(schema.path("format").asText())) {
                problems.add(path + ": an Instant in Java needs format date-time in the schema");
            }
        } else if (raw == Long.class || raw == long.class) {
            expectType(schema, "integer", path);
        } else if (raw == Integer.class || raw == int.class) {
            // The API server does not enforce format int32; only a maximum keeps out numbers Java cannot hold.
            if (expectType(schema, "integer", path)
                    && (!schema.has("maximum") || schema.get("maximum").asLong() > Integer.MAX_VALUE)) {
                problems.add(path + ": an Integer in Java needs a maximum of at most 2^31-1 in the schema");
            }
        } else if (raw == Double.class || raw == double.class) {
            expectType(schema, "number", path);
        } else if (raw == Boolean.class || raw == boolean.class) {
            expectType(schema, "boolean", path);
        } else {
            problems.add(path + ": no schema rule for Java type " + javaType.getTypeName());
        }
    }

    private void compareRecord(Class<?> record, JsonNode schema, String path) {
        if (!expectType(schema, "object", path)) {
            return;
        }
        JsonNode properties = schema.path("properties");
        Set<String> javaNames = new LinkedHashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.isAnnotationPresent(NotInResource.class)) {
                continue;
            }
            javaNames.add(component.getName());
            String childPath = path + "." + component.getName();
            if (properties.has(component.getName())) {
                compare(component.getGenericType(), properties.get(component.getName()), childPath);
            } else {
                problems.add(childPath + ": in " + record.getSimpleName() + " but not in the schema");
            }
        }
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!javaNames.contains(name)) {
                problems.add(path + "." + name + ": in the schema but not in " + record.getSimpleName());
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!properties.has(required.asText())) {
                problems.add(path + "." + required.asText() + ": required but not declared");
            }
        }
    }

    private void compareMap(Type javaType, JsonNode schema, String path) {
        if (!expectType(schema, "object", path)) {
            return;
        }
        Type valueType = typeArgument(javaType, 1);
        if (valueType == Object.class) {
            if (!schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                problems.add(path + ": free-form in Java, so the schema must preserve unknown fields");
            }
        } else if (schema.has("additionalProperties")) {
            compare(valueType, schema.get("additionalProperties"), path + ".*");
        } else {
            problems.add(path + ": a map in Java needs additionalProperties in the schema");
        }
    }

    private void compareEnum(Class<?> enumType, JsonNode schema, String path) {
        if (!expectType(schema, "string", path)) {
            return;
        }
        Set<String> javaNames = new TreeSet<>();
        Arrays.stream(enumType.getEnumConstants())
                .forEach(c -> javaNames.add(DeployFiles.YAML.valueToTree(c).asText()));
        Set<String> schemaNames = new TreeSet<>();
        schema.path("enum").forEach(v -> schemaNames.add(v.asText()));
        if (!javaNames.equals(schemaNames)) {
            problems.add(path + ": enum " + schemaNames + " in the schema, " + javaNames + " in " + enumType.getSimpleName());
        }
    }

    private boolean expectType(JsonNode schema, String expected, String path) {
        String actual = schema.path("type").asText("(none)");
        if (!expected.equals(actual)) {
            problems.add(path + ": type " + actual + " in the schema, " + expected + " in Java");
            return false;
        }
        return true;
    }

    private static Class<?> rawClass(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type typeArgument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }
}
