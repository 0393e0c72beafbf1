package io.kubezen.watcher.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.source.PayloadException;
import io.kubezen.watcher.testing.generators.AlertmanagerNotifications;
import io.kubezen.watcher.testing.generators.AuditEvents;
import io.kubezen.watcher.testing.generators.CloudEvents;
import io.kubezen.watcher.testing.generators.FalcoAlerts;
import io.kubezen.watcher.testing.generators.InformerObjects;
import io.kubezen.watcher.testing.generators.Sample;
import io.kubezen.watcher.testing.generators.WebhookPayloads;
import io.kubezen.watcher.testing.kube.CreateValidator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event the pipeline accepts is answered 2xx before its Observation is created, so that Observation must be one
 * the API server accepts: whatever a sender posts, every accepted event passes the same checks the test API server
 * applies to a create (the Observation CRD's schema, metadata and label rules, number decoding, etcd's size).
 * Payloads the source refuses are answered 4xx and are fine. The writer's own name and body are checked by the
 * ingester's {@code WrittenObservationsFitTheCrdTest}; here the name follows the same rule. jqwik's own edge cases
 * are off: the generators mix edge values in themselves, and jqwik's combinations of edge cases for objects of
 * many fields would crowd out ordinary payloads, so too few events would be accepted to check anything.
 */
@StatisticsReport(onFailureOnly = true)
class AcceptedEventsFitTheCrdTest {

    private static final CreateValidator API_SERVER = CreateValidator.repositoryCrds();
    private static final int NAME_HASH_LENGTH = 16;
    private static final Map<SourceDefinition, IngestPipeline> PIPELINES = new ConcurrentHashMap<>();

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void falco(@ForAll("falcoAlerts") Sample sample) {
        acceptedEventsFit(sample);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void kubernetesAudit(@ForAll("auditEvents") Sample sample) {
        acceptedEventsFit(sample);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void alertmanager(@ForAll("alertmanagerNotifications") Sample sample) {
        acceptedEventsFit(sample);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void cloudEventsStructured(@ForAll("structuredCloudEvents") Sample sample) {
        acceptedEventsFit(sample);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void cloudEventsBinary(@ForAll("binaryCloudEvents") Sample sample) {
        acceptedEventsFit(sample);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void cloudEventsBatch(@ForAll("cloudEventBatches") Sample sample) {
        acceptedEventsFit(sample);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void webhookWithJsonPathMapping(@ForAll("webhookPayloads") Sample sample) {
        acceptedEventsFit(sample);
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void informerObjects(@ForAll("informerObjects") Sample sample) {
        acceptedEventsFit(sample);
    }

    @Provide
    Arbitrary<Sample> falcoAlerts() {
        return FalcoAlerts.samples();
    }

    @Provide
    Arbitrary<Sample> auditEvents() {
        return AuditEvents.samples();
    }

    @Provide
    Arbitrary<Sample> alertmanagerNotifications() {
        return AlertmanagerNotifications.samples();
    }

    @Provide
    Arbitrary<Sample> structuredCloudEvents() {
        return CloudEvents.structured();
    }

    @Provide
    Arbitrary<Sample> binaryCloudEvents() {
        return CloudEvents.binary();
    }

    @Provide
    Arbitrary<Sample> cloudEventBatches() {
        return CloudEvents.batch();
    }

    @Provide
    Arbitrary<Sample> webhookPayloads() {
        return WebhookPayloads.samples();
    }

    @Provide
    Arbitrary<Sample> informerObjects() {
        return InformerObjects.samples();
    }

    private static void acceptedEventsFit(Sample sample) {
        Statistics.coverage(coverage -> coverage.check("accepted").percentage(p -> p >= 30));
        PipelineResult result;
        try {
            result = PIPELINES.computeIfAbsent(sample.definition(), Fixtures::pipeline).process(sample.payload());
        } catch (PayloadException refused) {
            Statistics.collect("refused");
            return;
        }
        Statistics.collect(result.accepted().isEmpty() ? "nothing accepted" : "accepted");
        for (IngestedEvent event : result.accepted()) {
            Observation observation = event.observation();
            assertThat(API_SERVER.problems(observation.namespace(), body(event)))
                    .as("the API server's answer to the Observation of an accepted event").isEmpty();
        }
    }

    /** The create the writer sends: its name is {@code <source>-<hash>}, as ObservationNames makes it. */
    private static byte[] body(IngestedEvent event) {
        Observation observation = event.observation();
        ObjectNode body = Fixtures.JSON.createObjectNode()
                .put("apiVersion", Observation.API_GROUP + "/" + Observation.API_VERSION)
                .put("kind", Observation.KIND);
        ObjectNode metadata = body.putObject("metadata")
                .put("name", observation.spec().source() + "-" + event.fingerprint().substring(0, NAME_HASH_LENGTH))
                .put("namespace", observation.namespace());
        metadata.set("labels", Fixtures.JSON.valueToTree(observation.labels()));
        body.set("spec", Fixtures.JSON.valueToTree(observation.spec()));
        try {
            return Fixtures.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
