package io.kubezen.watcher.ingester.writer.kubernetes;

import io.kubernetes.client.openapi.JSON;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.pipeline.Fixtures;
import io.kubezen.watcher.pipeline.IngestPipeline;
import io.kubezen.watcher.pipeline.IngestedEvent;
import io.kubezen.watcher.pipeline.PipelineResult;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.QueuedObservationCodec;
import io.kubezen.watcher.source.PayloadException;
import io.kubezen.watcher.testing.generators.Outcomes;
import io.kubezen.watcher.testing.generators.Sample;
import io.kubezen.watcher.testing.generators.Samples;
import io.kubezen.watcher.testing.generators.Theories;
import io.kubezen.watcher.testing.kube.CreateValidator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The writer's half of shared's {@code AcceptedEventsFitTheCrdTest}: every event any source accepts, once through
 * the queue's codec, named by {@code ObservationNames} and serialized by client-java exactly as this sink sends it,
 * is a create the API server accepts. As there, at least 30% of the samples must be accepted.
 */
class WrittenObservationsFitTheCrdTest {

    private static final CreateValidator API_SERVER = CreateValidator.repositoryCrds();
    private static final JSON CLIENT_JSON = new JSON();
    private static final Map<SourceDefinition, IngestPipeline> PIPELINES = new ConcurrentHashMap<>();

    @Test
    void everyAcceptedEventIsWrittenAsAValidCreate() {
        Outcomes outcomes = new Outcomes();
        Theories.qt(200).forAll(Samples.anySource(), longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli))
                .checkAssert((sample, firstSeen) -> outcomes.count(checkWritten(sample, firstSeen)));
        outcomes.assertShareAtLeast("accepted", 30);
    }

    /** Checks the create of every event the sample's source accepts and tells what became of the sample. */
    private static String checkWritten(Sample sample, Instant firstSeen) {
        PipelineResult result;
        try {
            result = PIPELINES.computeIfAbsent(sample.definition(), Fixtures::pipeline).process(sample.payload());
        } catch (PayloadException refused) {
            return "refused";
        }
        for (IngestedEvent event : result.accepted()) {
            QueuedObservation queued = (QueuedObservation) QueuedObservationCodec.decode(QueuedObservationCodec.encode(
                    new QueuedObservation(event.observation(), event.fingerprint(), firstSeen)));
            ObservationWrite write = ObservationWrite.of(queued);
            byte[] body = CLIENT_JSON.serialize(KubernetesObservationSink.body(write)).getBytes(StandardCharsets.UTF_8);

            assertThat(API_SERVER.problems(write.namespace(), body)).as("the API server's answer to %s", write.name())
                    .isEmpty();
        }
        return result.accepted().isEmpty() ? "nothing accepted" : "accepted";
    }
}
