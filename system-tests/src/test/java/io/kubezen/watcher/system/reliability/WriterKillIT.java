package io.kubezen.watcher.system.reliability;

import io.kubezen.watcher.bench.apps.Apps;
import io.kubezen.watcher.bench.load.PayloadTemplate;
import io.kubezen.watcher.bench.reliability.Cluster;
import io.kubezen.watcher.bench.reliability.ReliabilityPlan;
import io.kubezen.watcher.bench.reliability.WriterKillScenario;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.system.apps.BuildFiles;
import io.kubezen.watcher.testing.redis.DedicatedRedis;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * The scenario is the benchmark module's; the apps are their packaged jars.
 */
@WithRedis
class WriterKillIT {

    private static final ReliabilityPlan SHORT = new ReliabilityPlan(Duration.ofSeconds(10), 100, 4,
            Duration.ofSeconds(60), Duration.ofSeconds(2), 0);

    @Test
    void killedWritersBatchIsWrittenExactlyOnce(@DedicatedRedis(appendOnly = true) RedisServerHandle redis,
                                                @TempDir Path logs) throws Exception {
        PayloadTemplate payload = PayloadTemplate.read(BuildFiles.benchPayload("falco-event.json"), Optional.empty());
        Apps apps = new Apps(BuildFiles.ingesterJar(), BuildFiles.controllerJar(), logs,
                List.of("-Xms64m", "-Xmx192m", "-XX:+UseSerialGC"));

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
