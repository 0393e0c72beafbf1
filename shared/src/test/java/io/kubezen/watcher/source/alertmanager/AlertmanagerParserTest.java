package io.kubezen.watcher.source.alertmanager;

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

class AlertmanagerParserTest {

    private final EventParser parser = new AlertmanagerAdapter().compile(
            SourceDefinition.builtin(SourceType.ALERTMANAGER), new ConfigErrors());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', nullValues = "-", value = {
            "`{\"namespace\": \"prod\", \"pod\": \"api-0\", \"deployment\": \"api\"}` => v1, Pod, api-0, prod",
            "`{\"namespace\": \"prod\", \"deployment\": \"api\"}` => apps/v1, Deployment, api, prod",
            "`{\"namespace\": \"prod\", \"statefulset\": \"db\"}` => apps/v1, StatefulSet, db, prod",
            "`{\"namespace\": \"prod\", \"daemonset\": \"agent\"}` => apps/v1, DaemonSet, agent, prod",
            "`{\"namespace\": \"prod\", \"job_name\": \"backup-1\", \"job\": \"kube-state-metrics\"}` => batch/v1, Job, backup-1, prod",
            "`{\"namespace\": \"prod\", \"service\": \"api\"}` => v1, Service, api, prod",
            "`{\"namespace\": \"monitoring\", \"node\": \"worker-3\"}` => v1, Node, worker-3, -",
            "`{\"namespace\": \"prod\"}` => -, -, -, prod"})
    void takesTheMostSpecificResourceLabel(String labels, String resource) throws PayloadException {
        String[] parts = resource.split(", ");
        ResourceRef expected = new ResourceRef(orNull(parts[0]), orNull(parts[1]), orNull(parts[2]), orNull(parts[3]));

        assertThat(alerts("[{\"labels\": " + labels + "}]").get(0).resource()).isEqualTo(expected);
    }

    @Test
    void takesStatusFromTheGroupWhenTheAlertHasNone() throws PayloadException {
        ObservationDraft draft = parse("{\"version\": \"4\", \"status\": \"resolved\", \"alerts\": "
                + "[{\"labels\": {\"alertname\": \"Watchdog\"}, \"startsAt\": \"2024-05-01T08:00:00Z\"}]}").get(0);

        assertThat(draft.details()).containsEntry("status", "resolved");
        assertThat(draft.labels()).containsEntry(AlertmanagerParser.STATUS_LABEL, "resolved");
        assertThat(draft.detectedAt()).as("no usable endsAt: the start").hasToString("2024-05-01T08:00:00Z");
        assertThat(draft.title()).isEqualTo("Watchdog");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "`{\"version\": \"3\", \"alerts\": []}` => payload field 'version' must be \"4\", got '3'",
            "`{\"version\": \"4\"}` => payload field 'alerts' must be a JSON array, got nothing",
            "`{\"alerts\": [[]]}` => payload field 'alerts[0]' must be a JSON object, got array",
            "`{\"alerts\": [{}, {\"labels\": \"x\"}]}` => payload field 'alerts[1].labels' must be a JSON object, got string",
            "`{\"alerts\": [{\"status\": 1}]}` => payload field 'alerts[0].status' must be a string, got number"})
    void namesTheFieldThatIsWrong(String body, String message) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(InvalidPayloadException.class).hasMessage(message);
    }

    private List<ObservationDraft> alerts(String alerts) throws PayloadException {
        return parse("{\"version\": \"4\", \"status\": \"firing\", \"alerts\": " + alerts + "}");
    }

    private List<ObservationDraft> parse(String body) throws PayloadException {
        return parser.parse(Payload.json(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String orNull(String part) {
        return part.equals("-") ? null : part;
    }
}
