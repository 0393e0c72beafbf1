package io.kubezen.watcher.source.kubeaudit;

import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.PayloadException;
import io.kubezen.watcher.source.UnsupportedContentTypeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeAuditParserTest {

    private final EventParser parser = new KubeAuditAdapter().compile(SourceDefinition.builtin(SourceType.K8S_AUDIT),
            new ConfigErrors());

    @Test
    void readsAFullBatchOfFourHundredAndFiftyEvents() throws PayloadException {
        String items = IntStream.range(0, 450)
                .mapToObj(i -> "{\"auditID\": \"id-" + i + "\", \"stage\": \"ResponseComplete\", \"verb\": \"list\"}")
                .collect(Collectors.joining(","));

        List<ObservationDraft> drafts = parse(
                "{\"apiVersion\": \"audit.k8s.io/v1\", \"kind\": \"EventList\", \"items\": [" + items + "]}");

        assertThat(drafts).hasSize(450);
        assertThat(drafts.get(449).details()).containsEntry("auditID", "id-449");
        assertThat(drafts.get(0).eventType()).isEqualTo("k8s_audit_list");
        assertThat(drafts.get(0).title()).isEqualTo("list request by unknown user");
    }

    @Test
    void keepsRequestAndResponseObjectsOutOfTheRawCopy() throws PayloadException {
        ObservationDraft draft = parse("""
                {"apiVersion": "audit.k8s.io/v1", "kind": "Event", "auditID": "a", "stage": "ResponseComplete",
                 "verb": "create", "objectRef": {"resource": "secrets", "namespace": "prod", "name": "db"},
                 "requestObject": {"data": {"password": "c2VjcmV0"}}, "responseObject": {"data": {}}}""").get(0);

        assertThat(draft.raw().has("requestObject")).isFalse();
        assertThat(draft.raw().has("responseObject")).isFalse();
        assertThat(draft.raw().get("auditID").asText()).isEqualTo("a");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "none", value = {
        "created: the response names it    | `\"requestObject\": {\"metadata\": {\"generateName\": \"web-\"}}, \"responseObject\": {\"metadata\": {\"name\": \"web-x2lpq\"}}` | web-x2lpq",
        "refused: the request names it     | `\"requestObject\": {\"metadata\": {\"name\": \"web\"}}, \"responseObject\": {\"kind\": \"Status\", \"metadata\": {}, \"code\": 409}` | web",
        "Request level, generated name     | `\"requestObject\": {\"metadata\": {\"generateName\": \"web-\"}}` | none",
        "Metadata level                    | `\"level\": \"Metadata\"` | none"})
    void namesTheObjectOfACreateFromItsBody(String name, String objects, String expected) throws PayloadException {
        ObservationDraft draft = parse("{\"apiVersion\": \"audit.k8s.io/v1\", \"kind\": \"Event\", \"auditID\": \"a\", "
                + "\"stage\": \"ResponseComplete\", \"verb\": \"create\", "
                + "\"objectRef\": {\"resource\": \"pods\", \"namespace\": \"prod\", \"apiVersion\": \"v1\"}, " + objects + "}")
                .get(0);

        assertThat(draft.resource().name()).isEqualTo(expected);
        assertThat(draft.title()).isEqualTo("create pods prod" + (expected == null ? "" : "/" + expected) + " by unknown user");
    }

    @Test
    void anEmptyListIsNoEvents() throws PayloadException {
        assertThat(parse("{\"apiVersion\": \"audit.k8s.io/v1\", \"kind\": \"EventList\", \"items\": []}")).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "`{\"apiVersion\": \"audit.k8s.io/v1beta1\", \"kind\": \"EventList\", \"items\": []}` => payload field 'apiVersion' must be audit.k8s.io/v1, got 'audit.k8s.io/v1beta1'",
            "`{\"apiVersion\": \"audit.k8s.io/v1\", \"kind\": \"Policy\"}` => payload field 'kind' must be EventList or Event, got 'Policy'",
            "`{\"apiVersion\": \"audit.k8s.io/v1\", \"kind\": \"EventList\", \"items\": {}}` => payload field 'items' must be a JSON array, got object",
            "`{\"apiVersion\": \"audit.k8s.io/v1\", \"kind\": \"EventList\", \"items\": [1]}` => payload field 'items[0]' must be a JSON object, got number",
            "`{\"apiVersion\": \"audit.k8s.io/v1\", \"kind\": \"EventList\", \"items\": [{\"verb\": \"get\", \"stage\": \"x\"}]}` => payload field 'items[0].auditID' is required",
            "`{\"apiVersion\": \"audit.k8s.io/v1\", \"kind\": \"Event\", \"verb\": \"get\", \"auditID\": \"a\", \"stage\": \"s\", \"responseStatus\": {\"code\": \"403\"}}` => payload field 'responseStatus.code' must be an HTTP status code",
            "`{\"apiVersion\": \"audit.k8s.io/v1\", \"kind\": \"Event\", \"verb\": \"get\", \"objectRef\": []}` => payload field 'objectRef' must be a JSON object, got array"})
    void namesTheFieldThatIsWrong(String body, String message) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(InvalidPayloadException.class).hasMessage(message);
    }

    @Test
    void refusesNonJsonContent() {
        assertThatThrownBy(() -> parser.parse(new Payload("x".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of())))
                .isInstanceOf(UnsupportedContentTypeException.class);
    }

    private List<ObservationDraft> parse(String body) throws PayloadException {
        return parser.parse(Payload.json(body.getBytes(StandardCharsets.UTF_8)));
    }
}
