package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.filter.FilterReason;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.normalize.Normalizer;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.MalformedPayloadException;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.PayloadException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestPipelineTest {

    private static final String EVENTS = """
            {"events": [
              {"level": "critical", "ns": "prod-a", "kind": "Pod", "rule": "r1"},
              {"level": "info", "ns": "prod-a", "kind": "Pod", "rule": "r1"},
              {"level": "high", "ns": "dev", "kind": "Pod", "rule": "r1"},
              {"level": "high", "ns": "prod-b", "kind": "Secret", "rule": "r1"},
              {"level": "high", "ns": "prod-c", "kind": "Pod", "rule": "r2"},
              {"level": "high", "ns": "prod-d", "kind": "Pod", "rule": "r1", "tag": "keep"},
              {"level": "high", "ns": "prod-e", "kind": "Pod", "rule": "r1"},
              {"level": "high", "ns": "prod-f", "kind": "Pod", "rule": "r1", "tag": "drop"}
            ]}""";

    private final IngestPipeline pipeline = Fixtures.pipeline(Fixtures.definition("""
            name: hook
            type: webhook
            ttlSecondsAfterCreation: 3600
            destination: {allowedNamespaces: ["*"]}
            mapping:
              itemsPath: "$.events[*]"
              fields: {severity: "$.level", resourceNamespace: "$.ns", resourceKind: "$.kind", rule: "$.rule"}
              details: {tag: "$.tag"}
            filter:
              minSeverity: high
              excludeNamespaces: [dev]
              includeKinds: [Pod]
              excludeRules: [r2]
              expression: 'observation.details.tag == "keep" || observation.resource.namespace == "prod-a"'
            dedup: {windowSeconds: 120}
            """));

    @Test
    void countsWhatItReceivedKeptAndDroppedByReason() throws PayloadException {
        PipelineResult result = pipeline.process(Payload.json(EVENTS.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.received()).isEqualTo(8);
        assertThat(result.accepted()).extracting(e -> e.observation().namespace())
                .containsExactly("prod-a", "prod-d", "prod-e");
        assertThat(result.filtered()).isEqualTo(Map.of(
                FilterReason.SEVERITY, 1, FilterReason.NAMESPACE, 1, FilterReason.KIND, 1, FilterReason.RULE, 1,
                FilterReason.EXPRESSION, 1));
        assertThat(result.filteredTotal()).isEqualTo(5);
        assertThat(result.expressionErrors()).as("prod-e has no tag and is not prod-a: the expression failed on it")
                .isEqualTo(1);
        assertThat(result.expressionError()).contains("tag");
    }

    @Test
    void finishesAcceptedEventsForDedupAndTheWriter() throws PayloadException {
        IngestedEvent event = pipeline.process(Payload.json(EVENTS.getBytes(StandardCharsets.UTF_8))).accepted().get(0);

        assertThat(event.fingerprint()).matches("[0-9a-f]{64}");
        assertThat(event.observation().spec().fingerprint()).isEqualTo(event.fingerprint());
        assertThat(event.observation().spec().ttlSecondsAfterCreation()).isEqualTo(3600L);
        assertThat(event.dedup()).isEqualTo(new DedupPolicy(true, Duration.ofSeconds(120), true));
        assertThat(pipeline.dedup()).isEqualTo(event.dedup());
    }

    @Test
    void aPayloadWithoutEventsIsAcceptedEmpty() throws PayloadException {
        PipelineResult result = pipeline.process(Payload.json("{\"other\": []}".getBytes(StandardCharsets.UTF_8)));

        assertThat(result.received()).isZero();
        assertThat(result.accepted()).isEmpty();
    }

    @Test
    void aPayloadErrorRejectsTheWholeRequest() {
        assertThatThrownBy(() -> pipeline.process(Payload.json("[1, 2".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> Fixtures.pipeline(SourceDefinition.builtin(SourceType.K8S_AUDIT)).process(
                Payload.json("{\"apiVersion\": \"audit.k8s.io/v1\", \"kind\": \"EventList\", \"items\": [{}]}"
                        .getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidPayloadException.class).hasMessage("payload field 'items[0].verb' is required");
    }

    @Test
    void dedupDefaultsApplyWithoutConfiguration() {
        assertThat(DedupPolicy.of(null)).isEqualTo(new DedupPolicy(true, Duration.ofSeconds(300), false));
    }

    @Test
    void falcosLongestDefaultRuleNameBecomesAnEventTypeTheCrdAccepts() throws PayloadException {
        FixtureCase alert = FixtureCase.all().stream().filter(c -> c.name().equals("falco/long-rule.json")).findFirst()
                .orElseThrow();

        ObservationSpec spec = Fixtures.pipeline(alert.definition()).process(alert.payload()).accepted().get(0)
                .observation().spec();
        ObservationSpec again = Fixtures.pipeline(alert.definition()).process(alert.payload()).accepted().get(0)
                .observation().spec();

        assertThat(spec.eventType()).hasSizeLessThanOrEqualTo(63).matches("^[a-z0-9_]+$")
                .isEqualTo(again.eventType());
        assertThat(spec.details()).containsEntry("rule", "Potential Local Privilege Escalation via Environment Variables Misuse")
                .containsEntry(Normalizer.EVENT_TYPE_FULL, "potential_local_privilege_escalation_via_environment_variables_misuse");
    }
}
