package io.kubezen.watcher.ingester.writer.consume;

import io.kubezen.watcher.ingester.writer.FailureReason;
import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.model.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WriterMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void everyKnownReasonExistsAtZeroBeforeTheFirstWrite() {
        new WriterMetrics(registry);

        List<String> permanent = Arrays.stream(FailureReason.values()).filter(FailureReason::permanent)
                .map(FailureReason::wireName).toList();
        List<String> retryable = Arrays.stream(FailureReason.values()).filter(r -> !r.permanent())
                .map(FailureReason::wireName).toList();
        assertThat(tags(MetricNames.DEAD_LETTERS, MetricNames.TAG_REASON)).containsExactlyInAnyOrderElementsOf(Stream
                .concat(permanent.stream(), Stream.of(QueueWriter.UNDECODABLE, QueueWriter.MAX_DELIVERIES)).toList());
        assertThat(failures()).containsOnlyKeys(Stream.concat(Stream.concat(permanent.stream(), retryable.stream()),
                Stream.of(QueueWriter.UNDECODABLE)).toList());
        permanent.forEach(reason -> assertThat(failures()).containsEntry(reason, "permanent"));
        retryable.forEach(reason -> assertThat(failures()).containsEntry(reason, "retryable"));
        assertThat(tags(MetricNames.WRITE_RETRIES, MetricNames.TAG_REASON))
                .containsExactlyInAnyOrderElementsOf(retryable);
        assertThat(tags(MetricNames.OBSERVATIONS_WRITTEN, MetricNames.TAG_RESULT))
                .containsExactlyInAnyOrder("created", "already_exists");
        assertThat(registry.getMeters()).filteredOn(meter -> meter instanceof Counter)
                .allSatisfy(counter -> assertThat(((Counter) counter).count()).isZero());
    }

    @Test
    void countsLandOnTheSeriesRegisteredAtZero() {
        WriterMetrics metrics = new WriterMetrics(registry);
        int before = registry.getMeters().size();

        metrics.result(WriteResult.permanent("falco-1", FailureReason.FORBIDDEN, "no", List.of()));
        metrics.deadLettered(FailureReason.FORBIDDEN.wireName());
        metrics.retried(FailureReason.THROTTLED);
        metrics.result(WriteResult.created("falco-2"));

        assertThat(registry.getMeters()).hasSize(before);
        assertThat(registry.get(MetricNames.WRITE_FAILURES).tag(MetricNames.TAG_REASON, "forbidden")
                .tag(MetricNames.TAG_OUTCOME, "permanent").counter().count()).isEqualTo(1);
        assertThat(registry.get(MetricNames.DEAD_LETTERS).tag(MetricNames.TAG_REASON, "forbidden").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(MetricNames.WRITE_RETRIES).tag(MetricNames.TAG_REASON, "throttled").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(MetricNames.OBSERVATIONS_WRITTEN).tag(MetricNames.TAG_RESULT, "created").counter()
                .count()).isEqualTo(1);
    }

    @Test
    void createdObservationsAreCountedBySourceCategoryAndSeverity() {
        WriterMetrics metrics = new WriterMetrics(registry);

        metrics.created(TestObservations.write("apps", "falco", Severity.CRITICAL, "fp-1").observation().spec());
        metrics.created(TestObservations.write("apps", "falco", Severity.CRITICAL, "fp-2").observation().spec());

        assertThat(registry.get(MetricNames.OBSERVATIONS_CREATED).tag(MetricNames.TAG_SOURCE, "falco")
                .tag(MetricNames.TAG_CATEGORY, "security").tag(MetricNames.TAG_SEVERITY, "critical").counter().count())
                .isEqualTo(2);
    }

    private List<String> tags(String name, String key) {
        return registry.find(name).counters().stream().map(counter -> counter.getId().getTag(key)).toList();
    }

    private Map<String, String> failures() {
        return registry.find(MetricNames.WRITE_FAILURES).counters().stream().map(Meter::getId).collect(Collectors.toMap(
                id -> id.getTag(MetricNames.TAG_REASON), id -> id.getTag(MetricNames.TAG_OUTCOME)));
    }
}
