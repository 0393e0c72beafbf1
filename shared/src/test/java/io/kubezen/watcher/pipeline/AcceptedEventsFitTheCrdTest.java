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
import io.kubezen.watcher.testing.generators.Outcomes;
import io.kubezen.watcher.testing.generators.Sample;
import io.kubezen.watcher.testing.generators.Theories;
import io.kubezen.watcher.testing.generators.WebhookPayloads;
import io.kubezen.watcher.testing.kube.CreateValidator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event the pipeline accepts is answered 2xx before its Observation is created, so that Observation must be one
 * the API server accepts: whatever a sender posts, every accepted event passes the same checks the test API server
 * applies to a create (the Observation CRD's schema, metadata and label rules, number decoding, etcd's size).
 * Payloads the source refuses are answered 4xx and are fine. The writer's own name and body are checked by the
 * ingester's {@code WrittenObservationsFitTheCrdTest}; here the name follows the same rule. At least 30% of the
 * samples must be accepted, so that a property cannot pass by refusing everything.
 */
class AcceptedEventsFitTheCrdTest {

    private static final CreateValidator API_SERVER = CreateValidator.repositoryCrds();
    private static final int NAME_HASH_LENGTH = 16;
    private static final Map<SourceDefinition, IngestPipeline> PIPELINES = new ConcurrentHashMap<>();

    @Test
    void falco() {
        acceptedEventsFit(300, FalcoAlerts.samples());
    }

    @Test
    void kubernetesAudit() {
        acceptedEventsFit(300, AuditEvents.samples());
    }

    @Test
    void alertmanager() {
        acceptedEventsFit(300, AlertmanagerNotifications.samples());
    }

    @Test
    void cloudEventsStructured() {
        acceptedEventsFit(300, CloudEvents.structured());
    }

    @Test
    void cloudEventsBinary() {
        acceptedEventsFit(300, CloudEvents.binary());
    }

    @Test
    void cloudEventsBatch() {
        acceptedEventsFit(200, CloudEvents.batch());
    }

    @Test
    void webhookWithJsonPathMapping() {
        acceptedEventsFit(300, WebhookPayloads.samples());
    }

    @Test
    void informerObjects() {
        acceptedEventsFit(400, InformerObjects.samples());
    }

    private static void acceptedEventsFit(int examples, Gen<Sample> samples) {
        Outcomes outcomes = new Outcomes();
        Theories.qt(examples).forAll(samples).checkAssert(sample -> outcomes.count(checkAccepted(sample)));
        outcomes.assertShareAtLeast("accepted", 30);
    }

    /** Checks every event the sample's source accepts and tells what became of the sample. */
    private static String checkAccepted(Sample sample) {
        PipelineResult result;
        try {
            result = PIPELINES.computeIfAbsent(sample.definition(), Fixtures::pipeline).process(sample.payload());
        } catch (PayloadException refused) {
            return "refused";
        }
        for (IngestedEvent event : result.accepted()) {
            Observation observation = event.observation();
            assertThat(API_SERVER.problems(observation.namespace(), body(event)))
                    .as("the API server's answer to the Observation of an accepted event").isEmpty();
        }
        return result.accepted().isEmpty() ? "nothing accepted" : "accepted";
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
