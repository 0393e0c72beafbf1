package io.kubezen.watcher.admission.redis;

import io.kubezen.watcher.admission.AdmissionRequest;
import io.kubezen.watcher.admission.AdmissionStore;
import io.kubezen.watcher.admission.ReplicaAcks;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.redis.RedisDedupStore;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.ShardedEventQueue;
import io.kubezen.watcher.queue.redis.RedisEventQueue;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.testing.MutableClock;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the store sends Redis for a repeat: a large Observation goes with a first occurrence, and not with the repeats
 * that follow, unless the record they expect is gone. Counted as the bytes the server read, so standalone only.
 */
@WithRedis
class RedisAdmissionRepeatsIT {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int DETAILS = 50_000;

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisServerHandle redis;
    private final MutableClock clock = new MutableClock(T0);

    RedisAdmissionRepeatsIT(RedisServerHandle redis) {
        this.redis = redis;
    }

    @Test
    void aRepeatGoesWithoutItsObservationUnlessItsRecordIsGone() {
        RedisConnector connector = connectors.open(redis);
        RedisAdmissionStore store = new RedisAdmissionStore(connector, clock, DedupStore.DEFAULT_STATUS_INTERVAL, 1_000,
                ReplicaAcks.NONE);
        AdmissionRequest request = new AdmissionRequest("falco", "fp-1", observation(), WINDOW);

        long first = bytesRead(() -> admit(store, request));
        long repeat = bytesRead(() -> admit(store, request));
        long resentBefore = store.resentEvents();
        new RedisDedupStore(connector, clock, DedupStore.DEFAULT_STATUS_INTERVAL).forget("falco", "fp-1");
        clock.advance(Duration.ofSeconds(1));
        DedupResult[] again = new DedupResult[1];
        long afterDeletion = bytesRead(() -> again[0] = admit(store, request));

        assertThat(first).isGreaterThan(DETAILS);
        assertThat(repeat).isLessThan(2_000);
        assertThat(afterDeletion).as("sent without, then with the Observation").isBetween((long) DETAILS, first + 2_000);
        assertThat(again[0].firstOccurrence()).isTrue();
        assertThat(resentBefore).isZero();
        assertThat(store.resentEvents()).isOne();
        try (ShardedEventQueue queue = RedisEventQueue.sharded(connectors.open(redis), 1_000)) {
            queue.ensureGroup("writers");
            assertThat(queue.read("writers", "reader", 10, Duration.ZERO)).extracting(QueueEntry::item)
                    .filteredOn(QueuedObservation.class::isInstance).containsExactly(
                    new QueuedObservation(observation(), "fp-1", T0),
                    new QueuedObservation(observation(), "fp-1", T0.plusSeconds(1)));
        }
    }

    /**
     * The script itself, for the case the store cannot set up on purpose: two events of one record in a request, the
     * first sent without its Observation and the second with it (another thread replaced the first's entry in
     * {@link RecentRecords} in between). When the first turns out new it goes back, and the second must go back
     * with it, or it would be decided before the event ahead of it.
     */
    @Test
    void anEventBehindOneSentBackInTheSameRequestIsSentBackToo() {
        RedisConnector connector = connectors.open(redis);
        String record = connector.keys().dedupRecord("falco", "fp-1");
        int shard = connector.keys().shard("falco", "fp-1");
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        long now = T0.toEpochMilli();
        List<Object> args = new ArrayList<>(List.of("1000", "30000", "1", "2", Long.toString(now), T0.toString()));
        for (byte[] observation : List.of(new byte[0], json)) {
            args.addAll(List.of(Long.toString(now + 300_000), "360000", "shop", observation));
        }

        List<Object> answers = RedisAdmissionStore.admissionScript().runWithBytes(connector.shared().async(),
                new String[] {connector.keys().observationStream(shard), connector.keys().statusStream(shard), record, record},
                args).toCompletableFuture().join();

        assertThat(answers).containsExactly("SEND", "SEND");
        assertThat(redis.sync().exists(record)).isZero();
    }

    private static DedupResult admit(AdmissionStore store, AdmissionRequest request) {
        return store.admitAsync(List.of(request)).toCompletableFuture().join().get(0);
    }

    /** What the server read from all clients while {@code action} ran: only the store talks to it meanwhile. */
    private long bytesRead(Runnable action) {
        long before = inputBytes();
        action.run();
        return inputBytes() - before;
    }

    private long inputBytes() {
        return redis.sync().info("stats").lines().filter(line -> line.startsWith("total_net_input_bytes:"))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim())).findFirst()
                .orElseThrow();
    }

    private static Observation observation() {
        ObservationSpec spec = new ObservationSpec("falco", Category.SECURITY, Severity.HIGH, "runtime-threat",
                new ResourceRef("v1", "Pod", "web-0", "shop"), "Shell in container", "A shell was spawned",
                Map.of("output", "x".repeat(DETAILS)), T0, "fp-1", 86_400L);
        return new Observation("shop", Map.of("zen.kube-zen.io/source", "falco"), spec);
    }
}
