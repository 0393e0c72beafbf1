package io.kubezen.watcher.testing.crd;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The comparison the CRD tests rely on must itself catch each kind of drift, or those tests prove nothing. */
class SchemaConformanceTest {

    private static final String SCHEMA = """
            type: object
            required: [name]
            properties:
              name: {type: string}
              size: {type: integer, format: int64}
              colour: {type: string, enum: [red, green]}
              inners:
                type: array
                items:
                  type: object
                  properties:
                    count: {type: integer, format: int32, maximum: 100}
                    at: {type: string, format: date-time}
              labels: {type: object, additionalProperties: {type: string}}
              extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
              on: {type: boolean}
              rate: {type: number}
            """;

    enum Colour {
        RED, GREEN;

        @JsonValue
        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Inner(Integer count, Instant at) {
    }

    record Sample(String name, Long size, Colour colour, List<Inner> inners, Map<String, String> labels,
                  Map<String, Object> extra, Boolean on, Double rate) {
    }

    @Test
    void matchingRecordAndSchemaHaveNoProblems() {
        assertThat(SchemaConformance.problems(Sample.class, schema(s -> { }), "spec")).isEmpty();
    }

    static Stream<Arguments> drifts() {
        return Stream.of(
                arguments("Java field not in schema", (Consumer<ObjectNode>) s -> props(s).remove("rate"),
                        "spec.rate: in Sample but not in the schema"),
                arguments("schema field not in Java", (Consumer<ObjectNode>) s -> props(s).putObject("ttl").put("type", "integer"),
                        "spec.ttl: in the schema but not in Sample"),
                arguments("required field not declared", (Consumer<ObjectNode>) s -> s.withArrayProperty("required").add("owner"),
                        "spec.owner: required but not declared"),
                arguments("type mismatch", (Consumer<ObjectNode>) s -> props(s).withObjectProperty("size").put("type", "string"),
                        "spec.size: type string in the schema, integer in Java"),
                arguments("Integer without maximum", (Consumer<ObjectNode>) s -> item(s).withObjectProperty("count").remove("maximum"),
                        "spec.inners[].count: an Integer in Java needs a maximum of at most 2^31-1 in the schema"),
                arguments("Instant without date-time", (Consumer<ObjectNode>) s -> item(s).withObjectProperty("at").remove("format"),
                        "spec.inners[].at: an Instant in Java needs format date-time in the schema"),
                arguments("enum values differ", (Consumer<ObjectNode>) s -> props(s).withObjectProperty("colour").withArrayProperty("enum").add("blue"),
                        "spec.colour: enum [blue, green, red] in the schema, [green, red] in Colour"),
                arguments("map value type differs", (Consumer<ObjectNode>) s -> props(s).withObjectProperty("labels").withObjectProperty("additionalProperties").put("type", "integer"),
                        "spec.labels.*: type integer in the schema, string in Java"),
                arguments("free-form map pruned", (Consumer<ObjectNode>) s -> props(s).withObjectProperty("extra").remove("x-kubernetes-preserve-unknown-fields"),
                        "spec.extra: free-form in Java, so the schema must preserve unknown fields"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drifts")
    void reportsDrift(String name, Consumer<ObjectNode> drift, String expected) {
        assertThat(SchemaConformance.problems(Sample.class, schema(drift), "spec")).containsExactly(expected);
    }

    @Test
    void printerColumnsMustNameDeclaredFieldsOfTheirType() throws JsonProcessingException {
        JsonNode version = DeployFiles.YAML.readTree("""
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      status:
                        type: object
                        properties:
                          count: {type: integer}
                          seenAt: {type: string, format: date-time}
                          conditions:
                            type: array
                            items: {type: object, properties: {type: {type: string}, status: {type: string}}}
                additionalPrinterColumns:
                  - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
                  - {name: Ready, type: string, jsonPath: '.status.conditions[?(@.type=="Ready")].status'}
                  - {name: Seen, type: date, jsonPath: .status.seenAt}
                  - {name: Count, type: string, jsonPath: .status.count}
                  - {name: Typo, type: string, jsonPath: .status.cuont}
                """);

        assertThat(SchemaConformance.printerColumnProblems(version)).containsExactly(
                "column Count .status.count: type string, field integer",
                "column Typo .status.cuont: type string, field (undeclared)");
    }

    private static JsonNode schema(Consumer<ObjectNode> drift) {
        try {
            ObjectNode schema = (ObjectNode) DeployFiles.YAML.readTree(SCHEMA);
            drift.accept(schema);
            return schema;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode props(ObjectNode schema) {
        return schema.withObjectProperty("properties");
    }

    private static ObjectNode item(ObjectNode schema) {
        return props(schema).withObjectProperty("inners").withObjectProperty("items").withObjectProperty("properties");
    }
}
