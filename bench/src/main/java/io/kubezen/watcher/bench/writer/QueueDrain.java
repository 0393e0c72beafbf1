package io.kubezen.watcher.bench.writer;

import io.kubezen.watcher.bench.apps.Apps;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationLabels;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.ShardedEventQueue;
import io.kubezen.watcher.queue.redis.RedisEventQueue;
import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.testing.kube.TestApiServer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One timed drain: {@code entries} Observations queued in Redis first, then a writer process (the packaged
 * ingester in the writer role) started against a fresh test API server in this JVM, timed while it empties the
 * queue. The rate counts from the moment a tenth of the entries, or the throttle's burst if more (at most half),
 * are written, so that neither the JVM's start and warm-up nor the burst flatter or spoil it, to the moment the
 * queue is empty.
 *
 * <p>Its keys live under a prefix of their own, so the ingester that {@code bench/run.sh} keeps running, whose
 * writer consumes the default stream, never takes an entry of the drain.
 */
public final class QueueDrain {

    static final String KEY_PREFIX = "zwbench-writer:";
    static final String NAMESPACE = "zen-system";
    private static final String GROUP = "zw-writers";
    private static final int APPEND_BATCH = 500;
    private static final long POLL_MILLIS = 20;
    private static final long TIMEOUT_NANOS = 600_000_000_000L;

    private static final String OBSERVATIONS = "/apis/zen.kube-zen.io/v1alpha1/namespaces/[^/]+/observations.*";

    private QueueDrain() {
    }

    /**
     * What one drain measured, both counted from the moment the first tenth (and the burst) are written.
     *
     * @param observationsPerSecond Observations written per second
     * @param apiWritesPerSecond    write requests per second the API server received: a create and its status
     */
    public record Drained(double observationsPerSecond, double apiWritesPerSecond) {
    }

    /**
     * @param qps   the writer's {@code zen-watcher.writer.qps}
     * @param burst its {@code zen-watcher.writer.burst}
     */
    public static Drained run(String redisUri, Path ingesterJar, Path logDir, String label, int entries, int qps,
                              int burst) throws Exception {
        RedisConnectionOptions options = RedisConnectionOptions.of(redisUri).withKeyPrefix(KEY_PREFIX);
        try (RedisConnector connector = RedisConnector.create(options);
             ShardedEventQueue queue = RedisEventQueue.sharded(connector, RedisEventQueue.DEFAULT_CAPACITY);
             TestApiServer apiServer = TestApiServer.builder().repositoryCrds().namespaces(NAMESPACE).build().start();
             Apps apps = new Apps(ingesterJar, ingesterJar, logDir, List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC"))) {
            for (int shard = 0; shard < connector.keys().shards(); shard++) {
                connector.shared().sync().del(connector.keys().observationStream(shard),
                        connector.keys().deadLetterStream(shard));
            }
            queue.ensureGroup(GROUP);
            fill(queue, label, entries);
            apps.ingester(label, Apps.freePort(), Map.of(
                    "zen-watcher.roles", "writer",
                    "zen-watcher.redis.uri", redisUri,
                    "zen-watcher.redis.key-prefix", KEY_PREFIX,
                    "kubernetes.client.base-path", apiServer.baseUrl(),
                    "zen-watcher.queue.consumer", label,
                    "zen-watcher.queue.block", "200ms",
                    "zen-watcher.writer.qps", Integer.toString(qps),
                    "zen-watcher.writer.burst", Integer.toString(burst)));
            long startAt = entries - Math.min(entries / 2, Math.max(entries / 10, burst));
            long deadline = System.nanoTime() + TIMEOUT_NANOS;
            long startLength;
            while ((startLength = length(queue)) > startAt) {
                pause(deadline, label);
            }
            long startNanos = System.nanoTime();
            int startWrites = apiWrites(apiServer);
            while (length(queue) > 0) {
                pause(deadline, label);
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            int writes = apiWrites(apiServer) - startWrites;
            long deadLetters = queue.stats(GROUP).deadLetters();
            if (deadLetters > 0) {
                throw new IllegalStateException(label + ": " + deadLetters + " entries became dead letters; see "
                        + logDir.resolve(label + ".log"));
            }
            return new Drained(startLength / seconds, writes / seconds);
        }
    }

    private static int apiWrites(TestApiServer apiServer) {
        return apiServer.requestCount("POST", OBSERVATIONS) + apiServer.requestCount("PATCH", OBSERVATIONS);
    }

    private static void fill(ShardedEventQueue queue, String label, int entries) {
        Instant firstSeen = Instant.now();
        List<QueuedObservation> batch = new ArrayList<>(APPEND_BATCH);
        for (int i = 0; i < entries; i++) {
            String fingerprint = label + "-" + i;
            batch.add(new QueuedObservation(observation(fingerprint, firstSeen), fingerprint, firstSeen));
            if (batch.size() == APPEND_BATCH || i == entries - 1) {
                queue.append(batch);
                batch.clear();
            }
        }
    }

    /** A Falco-like Observation, as the receiver queues one. */
    private static Observation observation(String fingerprint, Instant detectedAt) {
        ObservationSpec spec = new ObservationSpec("falco", Category.SECURITY, Severity.HIGH, "terminal_shell_in_container",
                new ResourceRef("v1", "Pod", "web-0", "prod"), "Terminal shell in container",
                "A shell was spawned in a container with an attached terminal.",
                Map.of("rule", "Terminal shell in container", "priority", "Notice", "hostname", "worker-1"),
                detectedAt, fingerprint, null);
        return new Observation(NAMESPACE, Map.of(ObservationLabels.SOURCE, "falco", ObservationLabels.CATEGORY, "security",
                ObservationLabels.SEVERITY, "high"), spec);
    }

    private static long length(ShardedEventQueue queue) {
        return queue.stats(GROUP).length();
    }

    private static void pause(long deadline, String label) throws InterruptedException {
        if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException(label + ": the writer did not drain the queue within 10 minutes");
        }
        Thread.sleep(POLL_MILLIS);
    }
}
