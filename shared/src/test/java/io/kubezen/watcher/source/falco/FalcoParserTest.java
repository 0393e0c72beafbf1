package io.kubezen.watcher.source.falco;

import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.PayloadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FalcoParserTest {

    private final EventParser parser = new FalcoAdapter().compile(SourceDefinition.builtin(SourceType.FALCO),
            new ConfigErrors());

    @Test
    void takesTheK8sAuditPluginsTargetAsTheResource() throws PayloadException {
        ObservationDraft draft = parse("""
                {"rule": "Attach/Exec Pod", "priority": "Notice", "output_fields":
                  {"ka.target.resource": "pods", "ka.target.name": "web-0", "ka.target.namespace": "prod"}}""");

        assertThat(draft.resource()).isEqualTo(new ResourceRef(null, "Pod", "web-0", "prod"));
    }

    @Test
    void fallsBackToTheNamespaceAloneThenToTheNode() throws PayloadException {
        assertThat(parse("{\"rule\": \"r\", \"priority\": \"Notice\", \"hostname\": \"n1\", "
                + "\"output_fields\": {\"k8s.ns.name\": \"prod\", \"k8s.pod.name\": \"<NA>\"}}").resource())
                .isEqualTo(new ResourceRef(null, null, null, "prod"));
        assertThat(parse("{\"rule\": \"r\", \"priority\": \"Notice\", \"hostname\": \"n1\"}").resource())
                .isEqualTo(new ResourceRef("v1", "Node", "n1", null));
        assertThat(parse("{\"rule\": \"r\", \"priority\": \"Notice\"}").resource()).isNull();
    }

    @Test
    void readsTheTimeFromEvtTimeWhenThereIsNoTimeField() throws PayloadException {
        assertThat(parse("{\"rule\": \"r\", \"priority\": \"Debug\", \"output_fields\": {\"evt.time\": 1714558897000000001}}")
                .detectedAt()).hasToString("2024-05-01T10:21:37.000000001Z");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "[] => payload field 'payload' must be a JSON object, got array",
            "`{\"priority\": \"Notice\"}` => payload field 'rule' is required",
            "`{\"rule\": \"r\"}` => payload field 'priority' is required",
            "`{\"rule\": 5, \"priority\": \"Notice\"}` => payload field 'rule' must be a string, got number",
            "`{\"rule\": \"r\", \"priority\": \"Notice\", \"output_fields\": []}` => payload field 'output_fields' must be a JSON object, got array",
            "`{\"rule\": \"r\", \"priority\": \"Notice\", \"tags\": \"shell\"}` => payload field 'tags' must be a JSON array"})
    void namesTheFieldThatIsWrong(String body, String message) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(InvalidPayloadException.class).hasMessage(message);
    }

    private ObservationDraft parse(String body) throws PayloadException {
        List<ObservationDraft> drafts = parser.parse(Payload.json(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(drafts).hasSize(1);
        return drafts.get(0);
    }
}
