package io.kubezen.watcher.testing.kube;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.kubezen.watcher.testing.kube.SchemaFixture.WIDGETS;
import static io.kubezen.watcher.testing.kube.SchemaFixture.widget;
import static org.assertj.core.api.Assertions.assertThat;

/** Every schema feature, with the message the real API server gives for it. */
class SchemaValidatorTest {

    private static final String VALID = "\"source\":\"falco\",\"severity\":\"high\"";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "valid                | ``                            | ``",
            "int-or-string int    | ,\"port\":8080                | ``",
            "int-or-string string | ,\"port\":\"http\"            | ``",
            "nullable null        | ,\"note\":null                | ``",
            "integral number      | ,\"priority\":2.0             | ``",
            "enum                 | ,\"severity\":\"urgent\"      | `spec.severity: Unsupported value: \"urgent\": supported values: \"critical\", \"high\", \"medium\", \"low\", \"info\"`",
            "pattern              | ,\"source\":\"Falco\"         | `spec.source: Invalid value: \"Falco\": spec.source in body should match '^[a-z][a-z0-9-]*$'`",
            "maxLength            | ,\"source\":\"abcdefghijklmnopqrstu\" | `spec.source: Too long: may not be longer than 20`",
            "type                 | ,\"priority\":\"high\"        | `spec.priority: Invalid value: \"string\": spec.priority in body must be of type integer: \"string\"`",
            "integer not number   | ,\"priority\":2.5             | `spec.priority: Invalid value: \"number\": spec.priority in body must be of type integer: \"number\"`",
            "minimum              | ,\"priority\":0               | `spec.priority: Invalid value: 0: spec.priority in body should be greater than or equal to 1`",
            "maximum              | ,\"priority\":11              | `spec.priority: Invalid value: 11: spec.priority in body should be less than or equal to 10`",
            "exclusiveMaximum     | ,\"ratio\":1                  | `spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1`",
            "boolean              | ,\"enabled\":\"yes\"          | `spec.enabled: Invalid value: \"string\": spec.enabled in body must be of type boolean: \"string\"`",
            "date-time            | ,\"detectedAt\":\"yesterday\" | `spec.detectedAt: Invalid value: \"yesterday\": spec.detectedAt in body must be of type date-time: \"yesterday\"`",
            "minItems             | ,\"tags\":[]                  | `spec.tags: Invalid value: 0: spec.tags in body should have at least 1 items`",
            "maxItems             | ,\"tags\":[\"a\",\"b\",\"c\",\"d\"] | `spec.tags: Too many: 4: must have at most 3 items`",
            "array item           | ,\"tags\":[\"a-very-long-tag\"] | `spec.tags[0]: Too long: may not be longer than 10`",
            "additionalProperties | ,\"attributes\":{\"a\":1}     | `spec.attributes.a: Invalid value: \"integer\": spec.attributes.a in body must be of type string: \"integer\"`",
            "int-or-string other  | ,\"port\":true                | `spec.port: Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\"`",
            "nested required      | ,\"resource\":{}              | `spec.resource.kind: Required value`",
            "null not nullable    | ,\"tags\":[null]              | `spec.tags[0]: Invalid value: \"null\": spec.tags[0] in body must be of type string: \"null\"`"})
    void reportsLikeTheApiServer(String feature, String extraSpec, String expected) {
        List<String> messages = validate("{" + VALID + extraSpec + "}");

        assertThat(messages).as(feature).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "missing required | {\"severity\":\"low\"} | `spec.source: Required value`",
            "empty string     | {\"source\":\"\",\"severity\":\"low\"} | `spec.source: Invalid value: \"\": spec.source in body should be at least 1 chars long;spec.source: Invalid value: \"\": spec.source in body should match '^[a-z][a-z0-9-]*$'`",
            "array of objects | {\"source\":\"a\",\"severity\":\"low\",\"targets\":[{\"weight\":-1}]} | `spec.targets[0].name: Required value;spec.targets[0].weight: Invalid value: -1: spec.targets[0].weight in body should be greater than or equal to 0`",
            "not an object    | \"text\" | `spec: Invalid value: \"string\": spec in body must be of type object: \"string\"`"})
    void reportsEveryViolation(String feature, String spec, String expected) {
        assertThat(validate(spec)).as(feature).containsExactly(expected.split(";"));
    }

    private static List<String> validate(String spec) {
        return SchemaValidator.validate(widget(spec), WIDGETS.schema()).stream().map(FieldError::message).toList();
    }
}
