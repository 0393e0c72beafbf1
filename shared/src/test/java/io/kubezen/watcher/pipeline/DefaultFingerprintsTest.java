package io.kubezen.watcher.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.source.Payload;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-type default fingerprints: the same event seen again (a repeat, a redelivery) must match, and
 * different events must never merge.
 */
class DefaultFingerprintsTest {

    @Test
    void falcoRepeatsMatchWhateverTheirTimeAndProcessId() throws Exception {
        String original = fingerprint(SourceType.FALCO, "falco/http-output.json", alert -> { });

        assertThat(fingerprint(SourceType.FALCO, "falco/http-output.json", alert -> {
            alert.put("time", "2024-05-01T11:00:00Z");
            fields(alert).put("evt.time", 1714561200000000000L).put("proc.pid", 9999);
        })).isEqualTo(original);
    }

    @Test
    void differentFalcoEventsNeverMerge() throws Exception {
        String original = fingerprint(SourceType.FALCO, "falco/http-output.json", alert -> { });
        List<Consumer<ObjectNode>> changes = List.of(
                alert -> alert.put("rule", "Launch Privileged Container"),
                alert -> alert.put("hostname", "worker-9"),
                alert -> fields(alert).put("k8s.pod.name", "web-other"),
                alert -> fields(alert).put("k8s.ns.name", "staging"),
                alert -> fields(alert).put("proc.cmdline", "bash -c id"),
                alert -> fields(alert).put("container.id", "0123456789ab"),
                alert -> fields(alert).put("user.name", "nobody"),
                alert -> fields(alert).put("fd.name", "/etc/passwd"));

        for (Consumer<ObjectNode> change : changes) {
            assertThat(fingerprint(SourceType.FALCO, "falco/http-output.json", change)).isNotEqualTo(original);
        }
    }

    @Test
    void auditEventsAreIdentifiedByAuditIdAndStage() throws Exception {
        String original = fingerprint(SourceType.K8S_AUDIT, "k8s-audit/single-event.json", event -> { });

        assertThat(fingerprint(SourceType.K8S_AUDIT, "k8s-audit/single-event.json",
                event -> event.put("stageTimestamp", "2024-05-01T09:10:01Z"))).isEqualTo(original);
        assertThat(fingerprint(SourceType.K8S_AUDIT, "k8s-audit/single-event.json",
                event -> event.put("stage", "RequestReceived"))).isNotEqualTo(original);
        assertThat(fingerprint(SourceType.K8S_AUDIT, "k8s-audit/single-event.json",
                event -> event.put("auditID", "another"))).isNotEqualTo(original);
    }

    @Test
    void anAlertsFiringAndResolutionAreTwoEventsAndReNotificationsOne() throws Exception {
        String original = fingerprint(SourceType.ALERTMANAGER, "alertmanager/firing-and-resolved.json", n -> { });

        assertThat(fingerprint(SourceType.ALERTMANAGER, "alertmanager/firing-and-resolved.json",
                n -> n.put("receiver", "another"))).isEqualTo(original);
        assertThat(fingerprint(SourceType.ALERTMANAGER, "alertmanager/firing-and-resolved.json",
                n -> firstAlert(n).put("status", "resolved").put("endsAt", "2024-05-01T09:00:00Z"))).isNotEqualTo(original);
        assertThat(fingerprint(SourceType.ALERTMANAGER, "alertmanager/firing-and-resolved.json",
                n -> firstAlert(n).put("startsAt", "2024-05-02T08:00:00Z"))).isNotEqualTo(original);
        Consumer<ObjectNode> withoutFingerprint = n -> firstAlert(n).remove("fingerprint");
        assertThat(fingerprint(SourceType.ALERTMANAGER, "alertmanager/firing-and-resolved.json", n -> {
            withoutFingerprint.accept(n);
            ((ObjectNode) firstAlert(n).get("labels")).put("pod", "api-1");
        })).as("without Alertmanager's fingerprint the labels still tell alerts apart")
                .isNotEqualTo(fingerprint(SourceType.ALERTMANAGER, "alertmanager/firing-and-resolved.json",
                        withoutFingerprint));
    }

    @Test
    void cloudEventsAreIdentifiedBySourceAndId() throws Exception {
        String original = fingerprint(SourceType.CLOUDEVENTS, "cloudevents/structured.json", e -> { });

        assertThat(fingerprint(SourceType.CLOUDEVENTS, "cloudevents/structured.json",
                e -> e.put("time", "2024-05-01T10:05:00Z"))).as("a redelivery").isEqualTo(original);
        assertThat(fingerprint(SourceType.CLOUDEVENTS, "cloudevents/structured.json",
                e -> e.put("id", "evt-43"))).isNotEqualTo(original);
        assertThat(fingerprint(SourceType.CLOUDEVENTS, "cloudevents/structured.json",
                e -> e.put("source", "https://other.example.com"))).isNotEqualTo(original);
    }

    @Test
    void falcoAlertsInCloudEventsAreIdentifiedAsFalcoAlertsAre() throws Exception {
        String original = fingerprint(SourceType.CLOUDEVENTS, "cloudevents/falcosidekick-structured.json", e -> { });

        assertThat(fingerprint(SourceType.CLOUDEVENTS, "cloudevents/falcosidekick-structured.json", e -> {
            e.put("id", "another-uuid").put("time", "2024-05-01T11:00:00Z");
            ((ObjectNode) e.get("data")).put("uuid", "another-uuid").put("time", "2024-05-01T11:00:00Z");
            fields((ObjectNode) e.get("data")).put("proc.pid", 9999);
        })).as("the same behaviour again, in a new event").isEqualTo(original);
        assertThat(fingerprint(SourceType.CLOUDEVENTS, "cloudevents/falcosidekick-structured.json",
                e -> fields((ObjectNode) e.get("data")).put("proc.cmdline", "bash -c id"))).isNotEqualTo(original);
    }

    @Test
    void configuredFieldsWinOverTheFieldsOfACarriedPayload() throws Exception {
        SourceDefinition byId = Fixtures.definition(
                "{name: knative, type: cloudevents, dedup: {fingerprintFields: [details.cloudevent.id]}}");
        String original = fingerprint(byId, "cloudevents/falcosidekick-structured.json", e -> { });

        assertThat(fingerprint(byId, "cloudevents/falcosidekick-structured.json", e -> e.put("id", "another-uuid")))
                .isNotEqualTo(original);
        assertThat(fingerprint(byId, "cloudevents/falcosidekick-structured.json",
                e -> fields((ObjectNode) e.get("data")).put("proc.cmdline", "bash -c id"))).isEqualTo(original);
    }

    @Test
    void mappedWebhookEventsMatchWithoutTheirTimeAndDifferOnContent() throws Exception {
        SourceDefinition mapped = Fixtures.definition(new String(resource("webhook/object.source.yaml"),
                StandardCharsets.UTF_8));
        String original = fingerprint(mapped, "webhook/object.json", e -> { });

        assertThat(fingerprint(mapped, "webhook/object.json", e -> e.put("time", "2024-05-02T00:00:00Z")))
                .isEqualTo(original);
        assertThat(fingerprint(mapped, "webhook/object.json", e -> e.put("rule", "no-host-network")))
                .isNotEqualTo(original);
        assertThat(fingerprint(mapped, "webhook/object.json", e -> ((ObjectNode) e.get("user")).put("name", "eve")))
                .isNotEqualTo(original);
    }

    @Test
    void unmappedWebhookEventsDifferOnAnyPayloadChange() throws Exception {
        SourceDefinition builtin = SourceDefinition.builtin(SourceType.WEBHOOK);

        assertThat(fingerprint(builtin, "webhook/object.json", e -> e.put("message", "other")))
                .isNotEqualTo(fingerprint(builtin, "webhook/object.json", e -> { }));
    }

    private static String fingerprint(SourceType type, String fixture, Consumer<ObjectNode> change) throws Exception {
        return fingerprint(SourceDefinition.builtin(type), fixture, change);
    }

    private static String fingerprint(SourceDefinition definition, String fixture, Consumer<ObjectNode> change)
            throws Exception {
        ObjectNode payload = (ObjectNode) Fixtures.JSON.readTree(resource(fixture));
        change.accept(payload);
        String media = definition.type() == SourceType.CLOUDEVENTS ? "application/cloudevents+json" : "application/json";
        PipelineResult result = Fixtures.pipeline(definition)
                .process(new Payload(Fixtures.JSON.writeValueAsBytes(payload), media, Map.of()));
        return result.accepted().get(0).fingerprint();
    }

    private static ObjectNode fields(ObjectNode falcoAlert) {
        return (ObjectNode) falcoAlert.get("output_fields");
    }

    private static ObjectNode firstAlert(ObjectNode notification) {
        JsonNode alerts = notification.get("alerts");
        return (ObjectNode) alerts.get(0);
    }

    private static byte[] resource(String fixture) throws IOException {
        try (InputStream in = DefaultFingerprintsTest.class.getResourceAsStream("/fixtures/" + fixture)) {
            return in.readAllBytes();
        }
    }
}
