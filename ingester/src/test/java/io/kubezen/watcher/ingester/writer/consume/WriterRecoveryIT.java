package io.kubezen.watcher.ingester.writer.consume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.redis.RedisDedupStore;
import io.kubezen.watcher.ingester.wiring.ConsumerProperties;
import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.ingester.writer.WriteRails;
import io.kubezen.watcher.ingester.writer.kubernetes.KubernetesObservationSink;
import io.kubezen.watcher.ingester.writer.throttle.Sleeper;
import io.kubezen.watcher.ingester.writer.throttle.WriteThrottle;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.queue.DeadLetter;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueueStats;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.QueuedObservationCodec;
import io.kubezen.watcher.queue.ShardedEventQueue;
import io.kubezen.watcher.queue.redis.RedisEventQueue;
import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.kube.TestApiServer;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.lettuce.core.Consumer;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer's promises with a real Redis stream and the test API server: nothing lost, nothing twice. */
@WithRedis
class WriterRecoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "zw-writers";

    private TestApiServer apiServer;
    private RedisConnector connector;
    private RedisServerHandle redis;
    private ShardedEventQueue queue;
    private final List<QueueWriter> writers = new ArrayList<>();

    @BeforeEach
    void start(RedisServerHandle redis) {
        apiServer = TestApiServer.builder().repositoryCrds().namespaces("prod").build().start();
        this.redis = redis;
        connector = RedisConnector.create(RedisConnectionOptions.of(redis.uri()));
        queue = RedisEventQueue.sharded(connector, 80_000);
        queue.ensureGroup(GROUP);
    }

    @AfterEach
    void stop() {
        writers.forEach(QueueWriter::close);
        queue.close();
        connector.close();
        apiServer.close();
    }

    @Test
    void entryOfACrashedWriterIsClaimedAndWrittenExactlyOnce() throws Exception {
        queue.append(List.of(queued("prod", "crash-1")));
        // Writer "a" reads the entry and creates its Observation, then dies before acknowledging it.
        List<QueueEntry> delivered = queue.read(GROUP, "a", 10, Duration.ZERO);
        assertThat(delivered).hasSize(1);
        assertThat(sink(1000).write(ObservationWrite.of(delivered.get(0).observation())).settled()).isTrue();

        QueueWriter b = writer("b", settings(Duration.ofMillis(100), 10));
        Await.until("writer b claims the idle entry", Duration.ofSeconds(10), () -> claim(b) == 1);

        assertThat(observations("prod")).hasSize(1);
        assertThat(queue.stats(GROUP).pending()).isZero();
        assertThat(queue.stats(GROUP).length()).isZero();
    }

    /**
     * A writer scaled down (or killed) leaves every entry it read pending, held status updates among them; the next
     * claim takes them all, a batch at a time, not one batch per claim interval.
     */
    @Test
    void everyEntryOfAWriterThatLeftIsClaimedByOneClaim() throws Exception {
        queue.append(IntStream.range(0, 25).mapToObj(i -> queued("prod", "left-" + i)).toList());
        int delivered = 0;
        while (delivered < 25) {
            delivered += queue.read(GROUP, "gone", 25, Duration.ZERO).size();
        }
        QueueWriter b = writer("b", settings(Duration.ofMillis(100), 10));
        Thread.sleep(150);

        assertThat(b.claimOnce()).isEqualTo(25);

        assertThat(observations("prod")).hasSize(25);
        assertThat(queue.stats(GROUP)).extracting(QueueStats::length, QueueStats::pending).containsExactly(0L, 0L);
    }

    @Test
    void schemaInvalidEntryBecomesADeadLetterNamingTheField() throws Exception {
        Observation valid = queued("prod", "bad-1").observation();
        Observation invalid = new Observation("prod", valid.labels(), new ObservationSpec(
                valid.spec().source(), valid.spec().category(), valid.spec().severity(), "Not-A-Valid-Type",
                valid.spec().resource(), null, null, null, valid.spec().detectedAt(), "bad-1", null));
        queue.append(List.of(new QueuedObservation(invalid, "bad-1", TestObservations.FIRST_SEEN)));

        writer("w", settings(Duration.ofMinutes(1), 10)).pollOnce(Duration.ZERO);

        List<DeadLetter> letters = queue.deadLetters().list(null, 10).items();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("invalid");
            assertThat(letter.detail()).contains("spec.eventType");
        });
        assertThat(queue.stats(GROUP).pending()).isZero();
        assertThat(observations("prod")).isEmpty();
    }

    @Test
    void entryForAMissingNamespaceIsDeadLetteredThenReplayedOnceTheNamespaceExists() throws Exception {
        queue.append(List.of(queued("payments", "ns-1")));
        QueueWriter writer = writer("w", settings(Duration.ofMinutes(1), 10));

        writer.pollOnce(Duration.ZERO);
        DeadLetter letter = queue.deadLetters().list(null, 10).items().get(0);
        assertThat(letter.reason()).isEqualTo("not_found");

        new CoreV1Api(apiServer.apiClient()).createNamespace(
                new V1Namespace().metadata(new V1ObjectMeta().name("payments"))).execute();
        assertThat(queue.deadLetters().replay(List.of(letter.id()))).isEqualTo(1);
        writer.pollOnce(Duration.ZERO);

        assertThat(observations("payments")).hasSize(1);
        assertThat(queue.deadLetters().list(null, 10).items()).isEmpty();
        assertThat(queue.stats(GROUP).length()).isZero();
    }

    @Test
    void stoppingMidBatchFinishesAndAcknowledgesTheBatchInFlight() throws Exception {
        int total = 100;
        queue.append(IntStream.range(0, total).mapToObj(i -> queued("prod", "drain-" + i)).toList());
        // Twenty writes a second: a batch of twenty takes about a second, so the stop lands mid-batch.
        ConsumerProperties slow = new ConsumerProperties(GROUP, "drainer", 20, 4, Duration.ofMillis(100),
                Duration.ofMinutes(1), Duration.ofMinutes(1), 10, Duration.ofSeconds(30), 100);
        QueueWriterLoop loop = new QueueWriterLoop(writer("drainer", slow, sink(20)), slow);
        loop.start();
        Await.until("the first Observation is written", Duration.ofSeconds(10), () -> !observations("prod").isEmpty());

        loop.close();

        int written = observations("prod").size();
        assertThat(written).isBetween(1, total);
        assertThat(queue.stats(GROUP).pending()).as("delivered but not acknowledged").isZero();
        assertThat(queue.stats(GROUP).length()).as("still queued").isEqualTo(total - written);
    }

    /**
     * An upgrade from the single stream: an old writer died holding one entry, an old ingester queued another and
     * one more while a new writer already ran. The new writer drains the old stream as one of its shards.
     */
    @Test
    void entriesInTheSingleStreamOfEarlierVersionsAreStillWritten() throws Exception {
        String legacy = "zw:{stream}:observations";
        QueueWriter writer = writer("new", settings(Duration.ofMillis(100), 10));
        writer.prepare();
        writer.pollOnce(Duration.ZERO);
        assertThat(redis.sync().exists(legacy)).as("a new install gets no empty old stream").isZero();

        redis.sync().xgroupCreate(XReadArgs.StreamOffset.from(legacy, "0-0"), GROUP, XGroupCreateArgs.Builder.mkstream());
        redis.sync().xadd(legacy, QueuedObservationCodec.encode(queued("prod", "old-pending")));
        redis.sync().xreadgroup(Consumer.from(GROUP, "old-writer"), XReadArgs.StreamOffset.lastConsumed(legacy));
        redis.sync().xadd(legacy, QueuedObservationCodec.encode(queued("prod", "old-queued")));
        Await.until("both old entries are written", Duration.ofSeconds(10),
                () -> poll(writer) + claim(writer) >= 0 && observations("prod").size() == 2);

        assertThat(redis.sync().xlen(legacy)).isZero();
        assertThat(queue.stats(GROUP)).extracting(QueueStats::length, QueueStats::pending).containsExactly(0L, 0L);
        assertThat(queue.statsByShard(GROUP)).containsKey("stream").hasSize(9);
    }

    @Test
    void theSingleStreamOfAnEarlierVersionIsReadEvenWhenItAppearsAfterTheWriterStarted() throws Exception {
        String legacy = "zw:{stream}:observations";
        QueueWriter writer = writer("new", settings(Duration.ofMinutes(1), 10));
        writer.prepare();

        redis.sync().xadd(legacy, QueuedObservationCodec.encode(queued("prod", "old-late")));
        Await.until("the old entry is written", Duration.ofSeconds(10),
                () -> poll(writer) >= 0 && observations("prod").size() == 1);

        assertThat(redis.sync().xlen(legacy)).isZero();
    }

    private QueuedObservation queued(String namespace, String fingerprint) {
        Observation observation = TestObservations.observation(namespace, "falco", Severity.HIGH, "runtime_threat");
        Observation fingerprinted = new Observation(namespace, observation.labels(),
                observation.spec().withFingerprint(fingerprint));
        return new QueuedObservation(fingerprinted, fingerprint, TestObservations.FIRST_SEEN);
    }

    private ConsumerProperties settings(Duration claimIdle, int batch) {
        return new ConsumerProperties(GROUP, null, batch, 4, Duration.ZERO, claimIdle, Duration.ofSeconds(30), 10,
                Duration.ofSeconds(30), 100);
    }

    private QueueWriter writer(String consumer, ConsumerProperties settings) {
        return writer(consumer, settings, sink(1000));
    }

    private QueueWriter writer(String consumer, ConsumerProperties settings, ObservationSink sink) {
        QueueWriter writer = new QueueWriter(queue, sink,
                new RedisDedupStore(connector, Clock.systemUTC(), DedupStore.DEFAULT_STATUS_INTERVAL), settings, consumer,
                new WriterMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
        writers.add(writer);
        return writer;
    }

    private ObservationSink sink(double qps) {
        return new KubernetesObservationSink(apiServer.apiClient(), WriteRails.defaults(),
                new WriteThrottle(qps, 1, Clock.systemUTC(), Sleeper.SYSTEM));
    }

    private static int poll(QueueWriter writer) {
        try {
            return writer.pollOnce(Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int claim(QueueWriter writer) {
        try {
            return writer.claimOnce();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> observations(String namespace) {
        try {
            Object list = new CustomObjectsApi(apiServer.apiClient())
                    .listNamespacedCustomObject("zen.kube-zen.io", "v1alpha1", namespace, "observations").execute();
            List<JsonNode> items = new ArrayList<>();
            JSON.valueToTree(list).get("items").forEach(items::add);
            return items;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
