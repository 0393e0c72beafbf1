package io.kubezen.watcher.source.cloudevents;

import com.fasterxml.jackson.databind.node.TextNode;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.pipeline.Fixtures;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.PayloadException;
import io.kubezen.watcher.source.UnsupportedContentTypeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventsParserTest {

    private static final Map<String, String> BINARY = Map.of(
            "ce-specversion", "1.0", "ce-id", "1", "ce-source", "/s", "ce-type", "t");

    private final EventParser parser = new CloudEventsAdapter().compile(
            SourceDefinition.builtin(SourceType.CLOUDEVENTS), new ConfigErrors());

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({"id", "source", "specversion", "type"})
    void requiresEachRequiredAttributeInStructuredMode(String attribute) {
        String event = "{\"specversion\": \"1.0\", \"id\": \"1\", \"source\": \"/s\", \"type\": \"t\"}"
                .replace("\"" + attribute + "\"", "\"x-" + attribute + "\"");

        assertThatThrownBy(() -> parse(event, "application/cloudevents+json"))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessage("payload field '" + attribute + "' is required");
    }

    @ParameterizedTest(name = "missing ce-{0}")
    @CsvSource({"id", "source", "type"})
    void requiresEachRequiredAttributeInBinaryMode(String attribute) {
        Map<String, String> headers = new HashMap<>(BINARY);
        headers.remove("ce-" + attribute);

        assertThatThrownBy(() -> parser.parse(new Payload("{}".getBytes(StandardCharsets.UTF_8), "application/json",
                headers))).isInstanceOf(InvalidPayloadException.class).hasMessageContaining("'" + attribute + "' is required");
    }

    @Test
    void namesTheBatchIndexOfABadEvent() {
        String batch = "[{\"specversion\": \"1.0\", \"id\": \"1\", \"source\": \"/s\", \"type\": \"t\"},"
                + " {\"specversion\": \"1.0\", \"source\": \"/s\", \"type\": \"t\"}]";

        assertThatThrownBy(() -> parse(batch, "application/cloudevents-batch+json"))
                .isInstanceOf(InvalidPayloadException.class).hasMessage("payload field '[1].id' is required");
    }

    @Test
    void acceptsOnlySpecVersionOne() {
        assertThatThrownBy(() -> parse("{\"specversion\": \"0.3\", \"id\": \"1\", \"source\": \"/s\", \"type\": \"t\"}",
                "application/cloudevents+json")).isInstanceOf(InvalidPayloadException.class)
                .hasMessage("payload field 'specversion' must be \"1.0\", got '0.3'");
    }

    @Test
    void refusesAttributesThatAreNotScalars() {
        assertThatThrownBy(() -> parse("{\"specversion\": \"1.0\", \"id\": \"1\", \"source\": \"/s\", \"type\": \"t\", "
                + "\"ext\": {}}", "application/cloudevents+json")).isInstanceOf(InvalidPayloadException.class)
                .hasMessageContaining("'ext' must be a string, number or boolean");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"application/cloudevents+xml", "text/plain", "application/x-www-form-urlencoded"})
    void refusesUnsupportedContentTypesWithoutCeHeaders(String contentType) {
        assertThatThrownBy(() -> parse("{}", contentType)).isInstanceOf(UnsupportedContentTypeException.class);
    }

    @Test
    void acceptsAStructuredEventSentAsPlainJsonButNotOtherJson() throws PayloadException {
        assertThat(parse("{\"specversion\": \"1.0\", \"id\": \"1\", \"source\": \"/s\", \"type\": \"t\"}",
                "application/json")).hasSize(1);
        assertThatThrownBy(() -> parse("{\"hello\": 1}", "application/json")).isInstanceOf(InvalidPayloadException.class)
                .hasMessageContaining("'specversion' is required");
    }

    @Test
    void keepsBinaryDataByItsMediaType() throws PayloadException {
        ObservationDraft text = binary("disk full", "text/plain").get(0);
        ObservationDraft bytes = binary("\u0001\u0002", "application/octet-stream").get(0);
        ObservationDraft none = binary("", null).get(0);

        assertThat(text.details()).containsEntry("data", TextNode.valueOf("disk full"));
        assertThat(bytes.details()).containsKey("data_base64").doesNotContainKey("data");
        assertThat(none.details()).containsOnlyKeys("cloudevent");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "severity extension first     | \"severity\": \"low\", \"priority\": \"Error\", | critical | low",
        "then the priority extension  | \"priority\": \"Error\",                     | critical | Error",
        "then data.severity           | ''                                          | critical | critical"})
    void takesSeverityFromTheExtensionsBeforeTheData(String name, String extensions, String dataSeverity,
                                                     String expected) throws PayloadException {
        assertThat(parse("{\"specversion\": \"1.0\", \"id\": \"1\", \"source\": \"/s\", \"type\": \"t\", " + extensions
                + " \"data\": {\"severity\": \"" + dataSeverity + "\"}}", "application/cloudevents+json")
                .get(0).severity()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no data          | application/cloudevents+json       | {FALCO}                   | 'data' must be a JSON object, got nothing",
        "no rule          | application/cloudevents+json       | {FALCO, \"data\": {\"priority\": \"Notice\"}} | 'data.rule' is required",
        "in a batch       | application/cloudevents-batch+json | [{FALCO, \"data\": {\"rule\": \"r\"}}] | '[0].data.priority' is required"})
    void namesTheFieldOfABadFalcoAlertInsideTheEvent(String name, String contentType, String body, String problem) {
        String falco = "\"specversion\": \"1.0\", \"id\": \"1\", \"source\": \"https://falco.org\", "
                + "\"type\": \"falco.rule.output.v1\"";

        assertThatThrownBy(() -> parse(body.replace("FALCO", falco), contentType))
                .isInstanceOf(InvalidPayloadException.class).hasMessage("payload field " + problem);
    }

    @Test
    void aFalcoAlertTakesFalcosCategoryUnlessTheSourceSetsOne() throws PayloadException {
        String event = "{\"specversion\": \"1.0\", \"id\": \"1\", \"source\": \"https://falco.org\", "
                + "\"type\": \"falco.rule.output.v1\", \"data\": {\"rule\": \"r\", \"priority\": \"Notice\"}}";
        EventParser categorised = new CloudEventsAdapter().compile(
                Fixtures.definition("{name: knative, type: cloudevents, category: operations}"), new ConfigErrors());

        assertThat(parse(event, "application/cloudevents+json").get(0).category()).isEqualTo("security");
        assertThat(categorised.parse(new Payload(event.getBytes(StandardCharsets.UTF_8), "application/cloudevents+json",
                Map.of())).get(0).category()).isNull();
    }

    @Test
    void anApiServerSourceEventWithoutAnObjectReadsAsAnyOtherEvent() throws PayloadException {
        ObservationDraft draft = parse("{\"specversion\": \"1.0\", \"id\": \"1\", \"source\": \"/s\", "
                + "\"type\": \"dev.knative.apiserver.resource.add\", \"data_base64\": \"e30=\"}",
                "application/cloudevents+json").get(0);

        assertThat(draft.resource()).isNull();
        assertThat(draft.title()).isEqualTo("dev.knative.apiserver.resource.add");
        assertThat(draft.details()).containsKeys("cloudevent", "data_base64");
    }

    @Test
    void aConfiguredMappingReadsEveryTypeEvenAKnownOne() throws PayloadException {
        ConfigErrors errors = new ConfigErrors();
        EventParser mapped = new CloudEventsAdapter().compile(Fixtures.definition(
                "{name: knative, type: cloudevents, mapping: {fields: {resourceName: \"$.data.name\"}}}"), errors);
        String event = "{\"specversion\": \"1.0\", \"id\": \"1\", \"source\": \"/s\", "
                + "\"type\": \"dev.knative.apiserver.ref.add\", \"data\": {\"kind\": \"Pod\", \"name\": \"web-0\"}}";

        ObservationDraft draft = mapped.parse(new Payload(event.getBytes(StandardCharsets.UTF_8),
                "application/cloudevents+json", Map.of())).get(0);

        assertThat(errors.isEmpty()).isTrue();
        assertThat(draft.resource()).isEqualTo(new ResourceRef(null, null, "web-0", null));
        assertThat(draft.raw()).isNotNull();
    }

    private List<ObservationDraft> binary(String body, String contentType) throws PayloadException {
        return parser.parse(new Payload(body.getBytes(StandardCharsets.UTF_8), contentType, BINARY));
    }

    private List<ObservationDraft> parse(String body, String contentType) throws PayloadException {
        return parser.parse(new Payload(body.getBytes(StandardCharsets.UTF_8), contentType, Map.of()));
    }
}
