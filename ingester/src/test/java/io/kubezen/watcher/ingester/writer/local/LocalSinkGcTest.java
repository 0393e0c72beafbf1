package io.kubezen.watcher.ingester.writer.local;

import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.ingester.writer.WriteRails;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.model.TtlPolicy;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LocalSinkGcTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @TempDir
    Path dir;

    @Test
    void runsWhenStartedThenEveryIntervalAndCountsWhatItDeleted() throws Exception {
        try (JsonLinesObservationSink sink = new JsonLinesObservationSink(dir.resolve("o.jsonl"), WriteRails.defaults(),
                clock)) {
            sink.write(expiringAfterAMinute("first"));
            clock.advance(Duration.ofMinutes(2));
            try (LocalSinkGc gc = new LocalSinkGc(sink, new TtlPolicy(TtlPolicy.DEFAULT_TTL), Duration.ofMillis(50),
                    clock, registry)) {
                gc.start();
                Await.until("the first run deleted the expired Observation", Duration.ofSeconds(5),
                        () -> deleted() == 1);

                sink.write(expiringAfterAMinute("second"));
                clock.advance(Duration.ofMinutes(2));
                Await.until("a later run deleted the next one", Duration.ofSeconds(5), () -> deleted() == 2);
            }
            assertThat(Files.readAllLines(dir.resolve("o.jsonl"))).isEmpty();
            assertThat(runs("completed")).isGreaterThanOrEqualTo(2);
            assertThat(runs("failed")).isZero();
            assertThat(registry.get(MetricNames.GC_DURATION).timer().count()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aFailedRunIsCountedAndTheNextOneTriesAgain() throws IOException {
        try (JsonLinesObservationSink sink = new JsonLinesObservationSink(dir.resolve("o.jsonl"), WriteRails.defaults(),
                clock)) {
            sink.write(expiringAfterAMinute("first"));
            clock.advance(Duration.ofMinutes(2));
            LocalSinkGc gc = new LocalSinkGc(sink, new TtlPolicy(TtlPolicy.DEFAULT_TTL), Duration.ofHours(1), clock,
                    registry);
            Path inTheWay = Files.createDirectories(dir.resolve("o.jsonl.gc").resolve("in-the-way"));

            gc.collect();
            assertThat(runs("failed")).isEqualTo(1);
            assertThat(deleted()).isZero();

            Files.delete(inTheWay);
            Files.delete(inTheWay.getParent());
            gc.collect();
            assertThat(runs("completed")).isEqualTo(1);
            assertThat(deleted()).isEqualTo(1);
        }
    }

    private static ObservationWrite expiringAfterAMinute(String fingerprint) {
        return TestObservations.withTtl(TestObservations.write("apps", "falco", Severity.HIGH, fingerprint), 60);
    }

    private double deleted() {
        return registry.get(MetricNames.OBSERVATIONS_DELETED).tag(MetricNames.TAG_REASON, "ttl").counter().count();
    }

    private double runs(String outcome) {
        return registry.get(MetricNames.GC_RUNS).tag(MetricNames.TAG_OUTCOME, outcome).counter().count();
    }
}
