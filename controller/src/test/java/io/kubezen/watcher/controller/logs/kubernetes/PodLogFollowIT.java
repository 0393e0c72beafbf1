package io.kubezen.watcher.controller.logs.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.controller.logs.LogFollow;
import io.kubezen.watcher.controller.logs.LogSource;
import io.kubezen.watcher.controller.logs.LogsOptions;
import io.kubezen.watcher.controller.logs.StreamSlots;
import io.kubezen.watcher.controller.logs.TestPods;
import io.kubezen.watcher.controller.logs.redis.RedisLogPositionStore;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupWindows;
import io.kubezen.watcher.admission.ReplicaAcks;
import io.kubezen.watcher.admission.redis.RedisAdmissionStore;
import io.kubezen.watcher.metrics.EventTypeLabels;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.metrics.ObservedEvents;
import io.kubezen.watcher.pipeline.Admission;
import io.kubezen.watcher.pipeline.PipelineOptions;
import io.kubezen.watcher.pipeline.SourceCompiler;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.QueuedObservationCodec;
import io.kubezen.watcher.testing.redis.QueueStreams;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.source.SourceAdapterRegistry;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.crd.DeployFiles;
import io.kubezen.watcher.testing.kube.TestApiServer;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Container logs on the in-process API server become queue entries in a real Redis, each matching line once: across
 * a stream that ends and is reopened, and across a leader change in the middle of a stream. Dedup is off for the
 * source, so only the recorded positions can be what keeps a replay out of the queue.
 */
@WithRedis
class PodLogFollowIT {

    private static final String NAMESPACE = "kube-bench";
    private static final String POD = "kube-bench-x7k2p";
    private static final String CONTAINER = "kube-bench";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String LOG_PATH = "/api/v1/namespaces/kube-bench/pods/kube-bench-x7k2p/log";

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisServerHandle redis;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<LogFollow> follows = new ArrayList<>();
    private final Instant started = Instant.now().minusSeconds(5);
    private TestApiServer server;
    private long lines;

    PodLogFollowIT(RedisServerHandle redis) {
        this.redis = redis;
    }

    @BeforeEach
    void startServer() throws Exception {
        server = TestApiServer.builder().namespaces(NAMESPACE).build().start();
        TestPods.running(server.apiClient(), NAMESPACE, POD, Map.of("app", "kube-bench"), CONTAINER, started);
        // Not a kube-bench pod: its lines would match, but its label does not.
        TestPods.running(server.apiClient(), NAMESPACE, "other", Map.of("app", "web"), CONTAINER, started);
    }

    @AfterEach
    void stop() {
        follows.forEach(LogFollow::close);
        server.stop();
    }

    @Test
    void theKubeBenchExampleTurnsFailedAndWarnedChecksIntoExactlyThoseObservations() throws Exception {
        RedisConnector connector = connectors.open(redis);
        follow(connector);

        server.appendLog(NAMESPACE, "other", CONTAINER, started.plusSeconds(1), "[FAIL] 9.9.9 not followed (Automated)");
        write("[INFO] 1 Control Plane Security Configuration");
        write("[PASS] 1.1.1 Ensure that the API server pod specification file permissions are set to 600 or more "
                + "restrictive (Automated)");
        write("[WARN] 1.1.9 Ensure that the Container Network Interface file permissions are set to 600 or more "
                + "restrictive (Manual)");
        write("[FAIL] 1.1.12 Ensure that the etcd data directory ownership is set to etcd:etcd (Automated)");
        write("== Summary master ==");
        write("2 checks FAIL");

        awaitQueued(connector, 2);
        assertThat(entries(connector)).extracting(e -> e.observation().spec().title() + " / "
                + e.observation().spec().severity().wireName() + " / " + e.observation().spec().details().get("check"))
                .containsExactly(
                        "Ensure that the Container Network Interface file permissions are set to 600 or more "
                                + "restrictive / medium / 1.1.9",
                        "Ensure that the etcd data directory ownership is set to etcd:etcd / high / 1.1.12");
        assertThat(entries(connector)).allSatisfy(e -> assertThat(e.observation().spec().resource().name()).isEqualTo(POD));
        Await.until("every line was counted", WAIT, () -> counter(MetricNames.LOG_LINES_READ) == 6);
        assertThat(counter(MetricNames.LOG_LINES_MATCHED)).isEqualTo(2);
        assertThat(registry.get(MetricNames.LOG_STREAMS_OPEN).tag(MetricNames.TAG_SOURCE, "kube-bench").gauge()
                .value()).isEqualTo(1);
    }

    @Test
    void aStreamThatEndsWhileTheContainerRunsIsReopenedWithoutLossOrRepeat() throws Exception {
        RedisConnector connector = connectors.open(redis);
        follow(connector);
        write("[FAIL] 1.1.1 first (Automated)");
        write("[FAIL] 1.1.2 second (Automated)");
        awaitQueued(connector, 2);

        server.endLogStreams(NAMESPACE, POD, CONTAINER);
        write("[FAIL] 1.1.3 third (Automated)");
        write("[INFO] 1.2 unmatched");
        write("[FAIL] 1.1.4 fourth (Automated)");

        awaitQueued(connector, 4);
        assertThat(checks(connector)).containsExactly("1.1.1", "1.1.2", "1.1.3", "1.1.4");
        assertThat(server.requestCount("GET", LOG_PATH)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aNewLeaderResumesWhereTheLastStoppedMidStreamEmittingNothingTwiceAndMissingNothing() throws Exception {
        RedisConnector first = connectors.open(redis);
        LogFollow leader = follow(first);
        write("[FAIL] 1.1.1 before (Automated)");
        write("[INFO] unmatched before");
        write("[FAIL] 1.1.2 before (Automated)");
        awaitQueued(first, 2);
        Await.until("the first leader read every line", WAIT, () -> counter(MetricNames.LOG_LINES_READ) == 3);

        leader.close();
        follows.remove(leader);
        write("[FAIL] 1.1.3 while nobody leads (Automated)");
        RedisConnector next = connectors.open(redis);
        follow(next);
        write("[FAIL] 1.1.4 after (Automated)");

        awaitQueued(next, 4);
        assertThat(checks(next)).containsExactly("1.1.1", "1.1.2", "1.1.3", "1.1.4");
    }

    @Test
    void aJobPodThatCompletedBeforeTheLeaderSawItIsReadToTheEndOnceAndItsStreamEnds() throws Exception {
        deletePod(POD);
        TestPods.completed(server.apiClient(), NAMESPACE, "kube-bench-done", Map.of("app", "kube-bench"), CONTAINER,
                started);
        server.appendLog(NAMESPACE, "kube-bench-done", CONTAINER, started.plusSeconds(1), "[FAIL] 3.1.1 done (Automated)");
        server.appendLog(NAMESPACE, "kube-bench-done", CONTAINER, started.plusSeconds(2), "2 checks FAIL");
        RedisConnector connector = connectors.open(redis);

        follow(connector);

        awaitQueued(connector, 1);
        assertThat(checks(connector)).containsExactly("3.1.1");
        Await.until("both lines read and the stream ended", WAIT, () -> counter(MetricNames.LOG_LINES_READ) == 2
                && registry.get(MetricNames.LOG_STREAMS_OPEN).tag(MetricNames.TAG_SOURCE, "kube-bench").gauge()
                .value() == 0);
    }

    @Test
    void aStreamOverItsLineRateReadsLaterAndCountsItDroppingNothing() throws Exception {
        RedisConnector connector = connectors.open(redis);
        follow(connector, new StreamSlots(10), new LogsOptions(10, 1, Duration.ofMillis(50), Duration.ofSeconds(1), 100));
        for (int i = 1; i <= 5; i++) {
            write("[FAIL] 1.1." + i + " check (Automated)");
        }

        awaitQueued(connector, 5);
        assertThat(checks(connector)).containsExactly("1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5");
        assertThat(counter(MetricNames.LOG_LINES_THROTTLED)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aContainerOverTheStreamBoundWaitsCountedAndIsReadFromItsStartOnceAStreamFreesUp() throws Exception {
        RedisConnector connector = connectors.open(redis);
        write("[FAIL] 1.1.1 first pod (Automated)");
        follow(connector, new StreamSlots(1), options());
        awaitQueued(connector, 1);
        TestPods.running(server.apiClient(), NAMESPACE, "kube-bench-second", Map.of("app", "kube-bench"), CONTAINER,
                started);
        server.appendLog(NAMESPACE, "kube-bench-second", CONTAINER, started.plusSeconds(1),
                "[FAIL] 2.1.1 second pod (Automated)");
        Await.until("the second pod waits for a stream", WAIT, () -> registry.get(MetricNames.LOG_STREAMS_WAITING)
                .tag(MetricNames.TAG_SOURCE, "kube-bench").gauge().value() == 1);
        assertThat(QueueStreams.length(connector.shared().sync())).isEqualTo(1);

        deletePod(POD);

        awaitQueued(connector, 2);
        assertThat(checks(connector)).containsExactly("1.1.1", "2.1.1");
    }

    /** Raw: this server answers a delete with a Status, where client-java expects the Pod a real server returns. */
    private void deletePod(String name) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/api/v1/namespaces/kube-bench/pods/" + name)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Writes a line a millisecond after the last, all within the same few seconds, as a busy container does. */
    private void write(String line) {
        server.appendLog(NAMESPACE, POD, CONTAINER, started.plusSeconds(1).plusMillis(lines++), line);
    }

    private LogFollow follow(RedisConnector connector) throws Exception {
        return follow(connector, new StreamSlots(10), options());
    }

    private static LogsOptions options() {
        return new LogsOptions(1_000, 1_000, Duration.ofMillis(50), Duration.ofSeconds(1), 100);
    }

    private LogFollow follow(RedisConnector connector, StreamSlots slots, LogsOptions options) throws Exception {
        Clock clock = Clock.systemUTC();
        Admission admission = new Admission(new RedisAdmissionStore(connector, clock, DedupStore.DEFAULT_STATUS_INTERVAL,
                10_000, ReplicaAcks.NONE), new InMemoryDedupWindows(), clock);
        LogFollow follow = new KubernetesLogFollowStarter(server.apiClient(), new RedisLogPositionStore(connector),
                admission, slots, options, registry, new ObservedEvents(registry, clock, new EventTypeLabels(10)),
                clock).start(source());
        follows.add(follow);
        return follow;
    }

    /** The example of deploy/examples, with dedup off. */
    private static LogSource source() throws Exception {
        ObjectNode spec = (ObjectNode) DeployFiles.read(DeployFiles.root()
                .resolve("examples/ingester-logs-kube-bench.yaml")).path("spec");
        spec.set("dedup", new ObjectMapper(new YAMLFactory()).readTree("{enabled: false}"));
        IngesterSpec parsed = DeployFiles.YAML.treeToValue(spec, IngesterSpec.class);
        return new LogSource(parsed.source(), parsed.logs(), new SourceCompiler(SourceAdapterRegistry.load(),
                PipelineOptions.DEFAULT).compile(SourceDefinition.of(parsed, null)), null);
    }

    private double counter(String name) {
        return registry.get(name).tag(MetricNames.TAG_SOURCE, "kube-bench").counter().count();
    }

    private static void awaitQueued(RedisConnector connector, long entries) {
        Await.until(entries + " queue entries", WAIT, () -> QueueStreams.length(connector.shared().sync()) >= entries);
        assertThat(QueueStreams.length(connector.shared().sync())).isEqualTo(entries);
    }

    /** The queued Observations in the order of their lines: shards keep no order between them, the lines' times do. */
    private static List<QueuedObservation> entries(RedisConnector connector) {
        return QueueStreams.entries(connector.shared().sync()).stream()
                .map(message -> QueuedObservationCodec.decode(message.getBody()))
                .filter(QueuedObservation.class::isInstance).map(QueuedObservation.class::cast)
                .sorted(Comparator.comparing(entry -> entry.observation().spec().detectedAt())).toList();
    }

    private static List<String> checks(RedisConnector connector) {
        return entries(connector).stream().map(e -> (String) e.observation().spec().details().get("check")).toList();
    }
}
