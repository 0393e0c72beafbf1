package io.kubezen.watcher.admission.redis;

import io.kubezen.watcher.admission.AdmissionRequest;
import io.kubezen.watcher.admission.AdmissionStore;
import io.kubezen.watcher.admission.ReplicaAcks;
import io.kubezen.watcher.dedup.DedupRecord;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.redis.RedisDedupStore;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueueItem;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.ShardedEventQueue;
import io.kubezen.watcher.queue.StatusHint;
import io.kubezen.watcher.queue.redis.RedisEventQueue;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.testing.MutableClock;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling upgrade: records of the hash layout that the version before wrote meet the admission script, which must
 * decide with their state and leave them as records of the string layout.
 */
@WithRedis
class RedisAdmissionUpgradeIT {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration INTERVAL = DedupStore.DEFAULT_STATUS_INTERVAL;

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisServerHandle redis;
    private final MutableClock clock = new MutableClock(T0);

    RedisAdmissionUpgradeIT(RedisServerHandle redis) {
        this.redis = redis;
    }

    @Test
    void aRepeatOfAHashRecordCountsOnAndSchedulesItsStatusUpdate() {
        RedisConnector connector = connectors.open(redis);
        String key = connector.keys().dedupRecord("falco", "fp-1");
        oldRecord(key, Map.of("firstSeen", millis(T0), "lastSeen", millis(T0.plusSeconds(5)), "count", "4",
                "expiresAt", millis(T0.plus(WINDOW)), "statusDue", millis(T0.plusSeconds(20))));
        AdmissionStore store = store(connector);
        clock.advance(Duration.ofSeconds(30));

        DedupResult repeat = admit(store);
        DedupResult next = admit(store);

        assertThat(repeat.firstOccurrence()).isFalse();
        assertThat(repeat.record()).extracting(DedupRecord::firstSeen, DedupRecord::lastSeen, DedupRecord::count,
                DedupRecord::ttlLeft).containsExactly(T0, T0.plusSeconds(30), 5L, WINDOW.minusSeconds(30));
        assertThat(repeat.statusDueAt()).isEqualTo(T0.plusSeconds(30).plus(INTERVAL));
        assertThat(next.record().count()).as("sent without its Observation, still a repeat").isEqualTo(6L);
        assertThat(next.statusDueAt()).isNull();
        assertThat(redis.sync().type(key)).isEqualTo("string");
        assertThat(queued()).containsExactly(new StatusHint("falco", "fp-1", T0, "shop",
                T0.plusSeconds(30).plus(INTERVAL), T0.plusSeconds(30), 5));
    }

    @Test
    void anOccurrenceAfterAHashRecordsWindowIsNewAndKeepsTheOldRecordFindable() {
        RedisConnector connector = connectors.open(redis);
        String key = connector.keys().dedupRecord("falco", "fp-1");
        oldRecord(key, Map.of("firstSeen", millis(T0), "lastSeen", millis(T0.plusSeconds(5)), "count", "4",
                "expiresAt", millis(T0.plus(WINDOW))));
        clock.advance(WINDOW);

        DedupResult next = admit(store(connector));

        assertThat(next.firstOccurrence()).isTrue();
        assertThat(next.record()).extracting(DedupRecord::firstSeen, DedupRecord::count)
                .containsExactly(T0.plus(WINDOW), 1L);
        assertThat(queued()).containsExactly(new QueuedObservation(observation(), "fp-1", T0.plus(WINDOW)));
        assertThat(new RedisDedupStore(connector, clock, INTERVAL).find("falco", "fp-1", T0)).get()
                .extracting(DedupRecord::lastSeen, DedupRecord::count).containsExactly(T0.plusSeconds(5), 4L);
    }

    private AdmissionStore store(RedisConnector connector) {
        return new RedisAdmissionStore(connector, clock, INTERVAL, 1_000, ReplicaAcks.NONE);
    }

    /** A record as the version before wrote it: a hash, living its window plus two status intervals. */
    private void oldRecord(String key, Map<String, String> fields) {
        redis.sync().hset(key, Map.of("source", "falco", "fingerprint", "fp-1"));
        redis.sync().hset(key, fields);
        redis.sync().pexpire(key, WINDOW.plus(INTERVAL.multipliedBy(2)).toMillis());
    }

    private DedupResult admit(AdmissionStore store) {
        return store.admitAsync(List.of(new AdmissionRequest("falco", "fp-1", observation(), WINDOW)))
                .toCompletableFuture().join().get(0);
    }

    private List<QueueItem> queued() {
        try (ShardedEventQueue queue = RedisEventQueue.sharded(connectors.open(redis), 1_000)) {
            queue.ensureGroup("writers");
            return queue.read("writers", "reader", 10, Duration.ZERO).stream().map(QueueEntry::item).toList();
        }
    }

    private static String millis(Instant time) {
        return Long.toString(time.toEpochMilli());
    }

    private static Observation observation() {
        ObservationSpec spec = new ObservationSpec("falco", Category.SECURITY, Severity.HIGH, "runtime-threat",
                new ResourceRef("v1", "Pod", "web-0", "shop"), "Shell in container", "A shell was spawned",
                Map.of("output", "x"), T0, "fp-1", 86_400L);
        return new Observation("shop", Map.of("zen.kube-zen.io/source", "falco"), spec);
    }
}
