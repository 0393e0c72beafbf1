package io.kubezen.watcher.bench.reliability;

import io.kubezen.watcher.bench.apps.Apps;
import io.kubezen.watcher.bench.load.PayloadTemplate;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.testing.redis.DedicatedRedis;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast part of the reliability suite, through the same code as {@code bench/reliability.sh}: kill -9 of a
 * writer process holding a batch while the queue is drained, under load through a receiver process; the other
 * writer claims the batch and the killed one restarts. Every acknowledged event is exactly one Observation.
 * Needs the packaged ingester jar, which {@code ./mvnw verify} builds before this module.
 */
@WithRedis
class WriterKillIT {

    private static final Path INGESTER_JAR = Path.of("../ingester/target/zen-watcher-ingester.jar");
    private static final ReliabilityPlan SHORT = new ReliabilityPlan(Duration.ofSeconds(10), 100, 4,
            Duration.ofSeconds(60), Duration.ofSeconds(2), 0);

    @Test
    void killedWritersBatchIsWrittenExactlyOnce(@DedicatedRedis(appendOnly = true) RedisServerHandle redis,
                                                @TempDir Path logs) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(INGESTER_JAR), "needs the packaged ingester: run `./mvnw verify`");
        PayloadTemplate payload = PayloadTemplate.read(Path.of("payloads/falco-event.json"), Optional.empty());
        Apps apps = new Apps(INGESTER_JAR, INGESTER_JAR, logs, List.of("-Xms64m", "-Xmx192m", "-XX:+UseSerialGC"));

        List<Figure> figures;
        try (Cluster cluster = new Cluster(redis, apps, payload, Map.of())) {
            figures = new WriterKillScenario().run(cluster, SHORT);
        }

        assertThat(value(figures, "acknowledged (2xx)")).isGreaterThan(500);
        assertThat(value(figures, "pending on the writer when killed")).isGreaterThanOrEqualTo(10);
        assertThat(value(figures, "Observations") + value(figures, "dead letters"))
                .isEqualTo(value(figures, "acknowledged (2xx)"));
        assertThat(value(figures, "lost")).isZero();
        assertThat(value(figures, "duplicates")).isZero();
        assertThat(value(figures, "still queued after drain")).isZero();
    }

    private static double value(List<Figure> figures, String metric) {
        return figures.stream().filter(f -> f.metric().equals(metric)).findFirst().orElseThrow().median();
    }
}
