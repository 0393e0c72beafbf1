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
import io.kubezen.watcher.testing.generators.Sample;
import io.kubezen.watcher.testing.generators.Samples;
import io.kubezen.watcher.testing.kube.CreateValidator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's half of shared's {@code AcceptedEventsFitTheCrdTest}: every event any source accepts, once through
 * the queue's codec, named by {@code ObservationNames} and serialized by client-java exactly as this sink sends it,
 * is a create the API server accepts. Edge cases are off for the reason shared's test gives.
 */
@StatisticsReport(onFailureOnly = true)
class WrittenObservationsFitTheCrdTest {

    private static final CreateValidator API_SERVER = CreateValidator.repositoryCrds();
    private static final JSON CLIENT_JSON = new JSON();
    private static final Map<SourceDefinition, IngestPipeline> PIPELINES = new ConcurrentHashMap<>();

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void everyAcceptedEventIsWrittenAsAValidCreate(@ForAll("requests") Sample sample, @ForAll("firstSeen") Instant firstSeen) {
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
            QueuedObservation queued = (QueuedObservation) QueuedObservationCodec.decode(QueuedObservationCodec.encode(
                    new QueuedObservation(event.observation(), event.fingerprint(), firstSeen)));
            ObservationWrite write = ObservationWrite.of(queued);
            byte[] body = CLIENT_JSON.serialize(KubernetesObservationSink.body(write)).getBytes(StandardCharsets.UTF_8);

            assertThat(API_SERVER.problems(write.namespace(), body)).as("the API server's answer to %s", write.name())
                    .isEmpty();
        }
    }

    @Provide
    Arbitrary<Sample> requests() {
        return Samples.anySource();
    }

    @Provide
    Arbitrary<Instant> firstSeen() {
        return Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
    }
}
