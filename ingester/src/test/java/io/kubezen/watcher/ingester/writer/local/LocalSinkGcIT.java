package io.kubezen.watcher.ingester.writer.local;

import io.kubezen.watcher.ingester.Ingester;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.ingester.writer.WriteRails;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default collects its own file: what it lists and exports once the ingester has started on it. */
class LocalSinkGcIT {

    private static final String ADMIN = "admin-token-1";
    private static final String DELETED = "zen_watcher_observations_deleted_total{install=\"zen-watcher\",reason=\"ttl\"}";
    private static final String COMPLETED_RUNS = "zen_watcher_gc_runs_total{install=\"zen-watcher\",outcome=\"completed\"}";

    @TempDir
    Path dir;

    @Test
    void anIngesterOnTheLocalSinkDeletesWhatExpiredBeforeItStarted() throws IOException {
        Path file = dir.resolve("observations.jsonl");
        Instant now = Instant.now();
        ObservationWrite old = TestObservations.write("apps", "falco", Severity.HIGH, "eight-days-old");
        ObservationWrite recent = TestObservations.write("apps", "falco", Severity.HIGH, "one-day-old");
        ObservationWrite hourly = TestObservations.withTtl(
                TestObservations.write("apps", "trivy", Severity.LOW, "two-hours-old"), 3600);
        writeAt(file, now.minus(Duration.ofDays(8)), old);
        writeAt(file, now.minus(Duration.ofDays(1)), recent);
        writeAt(file, now.minus(Duration.ofHours(2)), hourly);

        try (Ingester ingester = Ingester.start(Map.of("zen-watcher.roles", "receiver,writer",
                "zen-watcher.writer.local-sink-path", file.toString(), "zen-watcher.admin.token", ADMIN))) {
            Await.until("GC deleted the two expired Observations", Duration.ofSeconds(10),
                    () -> ingester.get("/prometheus").body().contains(DELETED + " 2.0"));

            String listed = ingester.get("/api/v1/observations", "Authorization", "Bearer " + ADMIN).body();
            assertThat(listed).contains(recent.name()).doesNotContain(old.name()).doesNotContain(hourly.name());
            assertThat(ingester.get("/prometheus").body()).contains(COMPLETED_RUNS + " 1.0");
        }
    }

    private static void writeAt(Path file, Instant createdAt, ObservationWrite write) throws IOException {
        try (JsonLinesObservationSink sink = new JsonLinesObservationSink(file, WriteRails.defaults(),
                new MutableClock(createdAt))) {
            assertThat(sink.writeAll(List.of(write))).hasSize(1);
        }
    }
}
