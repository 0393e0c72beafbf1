package io.kubezen.watcher.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubezen.watcher.bench.apps.Apps;
import io.kubezen.watcher.bench.apps.ChildProcess;
import io.kubezen.watcher.bench.load.AcknowledgedLoad;
import io.kubezen.watcher.bench.load.PayloadTemplate;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.queue.DeadLetter;
import io.kubezen.watcher.queue.QueueStats;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.ShardedEventQueue;
import io.kubezen.watcher.queue.redis.RedisEventQueue;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.store.Page;
import io.kubezen.watcher.testing.kube.TestApiServer;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.lettuce.core.models.stream.PendingMessages;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario's world: a Redis (a server with AOF, or a Sentinel group), the test API server with our CRDs in this
 * JVM, and the apps started against both. {@link #census()} counts what became of the events: Observations in the API server, dead letters
 * and entries still queued in Redis, each attributed to the event id the load generator sent.
 */
public final class Cluster implements AutoCloseable {

    /** Where falco Observations land: the receiver's default namespace, as the affected one is not allowed. */
    public static final String OBSERVATION_NAMESPACE = "zen-system";
    public static final String GROUP = "zw-writers";
    private static final int PAGE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisDeployment redis;
    private final Map<String, String> redisSettings;
    private final Apps apps;
    private final PayloadTemplate payload;
    private final ShiftableClock apiClock = new ShiftableClock();
    private final TestApiServer apiServer;
    private final RedisConnector connector;
    private final ShardedEventQueue queue;

    /** @param extraRedisSettings {@code zen-watcher.redis.*} of every app beyond how to reach {@code redis} */
    public Cluster(RedisDeployment redis, Apps apps, PayloadTemplate payload, Map<String, String> extraRedisSettings) {
        this.redis = redis;
        Map<String, String> settings = new HashMap<>();
        redis.properties().forEach((key, value) -> settings.put(key, String.valueOf(value)));
        settings.putAll(extraRedisSettings);
        this.redisSettings = Map.copyOf(settings);
        this.apps = apps;
        this.payload = payload;
        this.apiServer = TestApiServer.builder().repositoryCrds().namespaces(OBSERVATION_NAMESPACE, "prod")
                .clock(apiClock).build().start();
        this.connector = RedisConnector.create(redis.options());
        this.queue = RedisEventQueue.sharded(connector, RedisEventQueue.DEFAULT_CAPACITY);
    }

    public RedisDeployment redis() {
        return redis;
    }

    /** How every app reaches the Redis: {@code zen-watcher.redis.*}. */
    public Map<String, String> redisSettings() {
        return redisSettings;
    }

    public Apps apps() {
        return apps;
    }

    public PayloadTemplate payload() {
        return payload;
    }

    public TestApiServer apiServer() {
        return apiServer;
    }

    ShiftableClock apiClock() {
        return apiClock;
    }

    /** A receiver-only ingester: webhooks to the queue, no Kubernetes access. */
    public Map<String, String> receiverSettings() {
        return withRedis(Map.of("zen-watcher.roles", "receiver",
                "zen-watcher.receiver.allow-unauthenticated-builtins", "true"));
    }

    /**
     * A writer-only ingester named {@code consumer} in the group. Entries a dead writer left pending are claimed
     * after 3 s, looked for every second, so a run sees the hand-over in seconds rather than the default minute.
     */
    public Map<String, String> writerSettings(String consumer, int qps) {
        return withRedis(Map.of("zen-watcher.roles", "writer",
                "kubernetes.client.base-path", apiServer.baseUrl(),
                "zen-watcher.queue.consumer", consumer,
                "zen-watcher.queue.block", "200ms",
                "zen-watcher.queue.claim-idle", "3s",
                "zen-watcher.queue.claim-interval", "1s",
                "zen-watcher.writer.qps", Integer.toString(qps),
                "zen-watcher.writer.burst", Integer.toString(Math.max(1, qps / 10))));
    }

    private Map<String, String> withRedis(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(redisSettings);
        all.putAll(settings);
        return all;
    }

    /** A receiver on {@code receiverPort} and a writer at {@code writerQps}, started side by side; answers the receiver. */
    public ChildProcess startReceiverAndWriter(String scenario, int receiverPort, int writerQps) throws Exception {
        int writerPort = Apps.freePort();
        return apps.startAll(List.of(
                () -> apps.ingester(scenario + "-receiver", receiverPort, receiverSettings()),
                () -> apps.ingester(scenario + "-writer", writerPort, writerSettings("writer", writerQps)))).get(0);
    }

    /**
     * Two writers, writer-a on {@code victimPort} (the one the scenario fails) and writer-b, each at
     * {@code writerQps}, and a receiver on {@code receiverPort}, started side by side; answers writer-a.
     */
    public ChildProcess startTwoWritersAndReceiver(String scenario, int victimPort, int receiverPort, int writerQps)
            throws Exception {
        int otherPort = Apps.freePort();
        return apps.startAll(List.of(
                () -> apps.ingester(scenario + "-writer-a", victimPort, writerSettings("writer-a", writerQps)),
                () -> apps.ingester(scenario + "-writer-b", otherPort, writerSettings("writer-b", writerQps)),
                () -> apps.ingester(scenario + "-receiver", receiverPort, receiverSettings()))).get(0);
    }

    /** The scenario's load of distinct events, their ids starting with {@code idPrefix}, on the receiver's port. */
    public AcknowledgedLoad load(String idPrefix, ReliabilityPlan plan, int receiverPort) {
        return new AcknowledgedLoad(payload, idPrefix, plan.loadSettings(ingest(receiverPort)));
    }

    public static URI ingest(int port) {
        return URI.create("http://127.0.0.1:" + port + "/ingest/falco");
    }

    public QueueStats queueStats() {
        return queue.stats(GROUP);
    }

    /** Entries delivered to {@code consumer} and not yet acknowledged, in every shard: a writer with some is mid-batch. */
    public long pendingOf(String consumer) {
        long total = 0;
        for (int shard = 0; shard < connector.keys().shards(); shard++) {
            String stream = connector.keys().observationStream(shard);
            if (connector.shared().sync().exists(stream) == 0) {
                continue;
            }
            PendingMessages pending = connector.shared().sync().xpending(stream, GROUP);
            Long count = pending.getConsumerMessageCount().get(consumer);
            total += count == null ? 0 : count;
        }
        return total;
    }

    /** Waits until every queued entry was written or dead-lettered; false if {@code timeout} passed first. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (queueStats().length() == 0) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** The census against what the senders were told; the ids of lost events go to {@code lost-events.txt}. */
    public Reconciliation reconcile(AcknowledgedLoad.Tally tally) throws Exception {
        Census census = census();
        Files.write(apps.logDir().resolve("lost-events.txt"), Reconciliation.lostIds(tally, census));
        return Reconciliation.of(tally, census);
    }

    /** What became of the events, by event id: Observations in the API server, dead letters, queued entries. */
    public Census census() throws Exception {
        Map<String, Integer> observations = new HashMap<>();
        Map<String, Integer> deadLetters = new HashMap<>();
        int unattributed = 0;
        CustomObjectsApi api = new CustomObjectsApi(apiServer.apiClient());
        String token = null;
        do {
            JsonNode page = JSON.valueToTree(api.listClusterCustomObject(Observation.API_GROUP, Observation.API_VERSION,
                    Observation.PLURAL).limit(PAGE)._continue(token).execute());
            for (JsonNode item : page.path("items")) {
                unattributed += count(observations, EventIdField.of(item.path("spec").path("details")));
            }
            token = page.path("metadata").path("continue").asText("");
        } while (!token.isEmpty());
        String cursor = null;
        do {
            Page<DeadLetter> letters = queue.deadLetters().list(cursor, PAGE);
            for (DeadLetter letter : letters.items()) {
                // Status updates carry no event of their own; only Observations are counted.
                if (letter.item() instanceof QueuedObservation queued) {
                    unattributed += count(deadLetters,
                            EventIdField.of(JSON.valueToTree(queued.observation().spec().details())));
                }
            }
            cursor = letters.nextCursor();
        } while (cursor != null);
        return new Census(observations, deadLetters, queueStats().length(), unattributed);
    }

    private static int count(Map<String, Integer> byEvent, String eventId) {
        if (eventId == null) {
            return 1;
        }
        byEvent.merge(eventId, 1, Integer::sum);
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        apps.close();
        queue.close();
        connector.close();
        apiServer.close();
    }

    /**
     * @param observations Observations per event id
     * @param deadLetters  dead letters per event id
     * @param queued       entries still in the stream, delivered or not
     * @param unattributed Observations or dead letters without an event id of the load
     */
    public record Census(Map<String, Integer> observations, Map<String, Integer> deadLetters, long queued,
                         int unattributed) {
    }
}
