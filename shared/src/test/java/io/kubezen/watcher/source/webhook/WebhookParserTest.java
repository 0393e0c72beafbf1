package io.kubezen.watcher.source.webhook;

import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.MappingSpec;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.PayloadException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookParserTest {

    @Test
    void missingPathsAreNoErrorAndRenderEmptyInTemplates() throws PayloadException {
        ObservationDraft draft = parse(mapping(null, new MappingSpec.Fields("$.sev", "$.type", null, "$.when", null,
                        null, "$.obj.name", null, "$.rule"), "[{{$.rule}}] {{$.missing}}|{{$.tags}}|{{$.obj}}"),
                "{\"tags\": [\"a\", \"b\"], \"obj\": {\"kind\": \"Pod\"}}").get(0);

        assertThat(draft.severity()).isNull();
        assertThat(draft.eventType()).isNull();
        assertThat(draft.rule()).isNull();
        assertThat(draft.detectedAt()).isNull();
        assertThat(draft.resource()).isNull();
        assertThat(draft.title()).isEqualTo("[] |a, b|{\"kind\":\"Pod\"}");
    }

    @Test
    void indefinitePathsGiveTheirFirstMatchForFieldsAndAllMatchesForDetails() throws PayloadException {
        MappingSpec spec = new MappingSpec(null, new MappingSpec.Fields("$..level", null, null, null, null, null, null,
                null, null), Map.of("levels", "$..level"), null, null, null, null, null);

        ObservationDraft draft = parse(spec, "{\"a\": {\"level\": \"high\"}, \"b\": {\"level\": \"low\"}}").get(0);

        assertThat(draft.severity()).isEqualTo("high");
        assertThat(draft.details().get("levels")).hasToString("[\"high\",\"low\"]");
    }

    @Test
    void aTopLevelArrayIsOneEventPerElement() throws PayloadException {
        assertThat(parse(null, "[{\"a\": 1}, {\"a\": 2}, 3]")).hasSize(3)
                .allSatisfy(draft -> assertThat(draft.raw()).isNotNull());
    }

    @Test
    void aDefiniteItemsPathThatMatchesNothingIsRefused() {
        MappingSpec spec = new MappingSpec("$.events", null, null, null, null, null, null, null);

        assertThatThrownBy(() -> parse(spec, "{\"other\": []}")).isInstanceOf(InvalidPayloadException.class)
                .hasMessage("payload field '$['events']' matches nothing; it is the source's itemsPath");
    }

    @Test
    void refusesScalarsAtTheTop() {
        assertThatThrownBy(() -> parse(null, "42")).isInstanceOf(InvalidPayloadException.class)
                .hasMessage("payload field 'payload' must be a JSON object or array");
    }

    private static MappingSpec mapping(String itemsPath, MappingSpec.Fields fields, String titleTemplate) {
        return new MappingSpec(itemsPath, fields, null, null, titleTemplate, null, null, null);
    }

    private static List<ObservationDraft> parse(MappingSpec mapping, String body) throws PayloadException {
        ConfigErrors errors = new ConfigErrors();
        EventParser parser = new WebhookAdapter().compile(
                new SourceDefinition("hook", SourceType.WEBHOOK, null, null, null, mapping, null, null, null, null, null),
                errors);
        assertThat(errors.list()).isEmpty();
        return parser.parse(Payload.json(body.getBytes(StandardCharsets.UTF_8)));
    }
}
