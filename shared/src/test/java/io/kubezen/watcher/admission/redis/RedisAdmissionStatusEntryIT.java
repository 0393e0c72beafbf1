package io.kubezen.watcher.admission.redis;

import io.kubezen.watcher.admission.AdmissionRequest;
import io.kubezen.watcher.admission.AdmissionStore;
import io.kubezen.watcher.admission.ReplicaAcks;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueuedObservationCodec;
import io.kubezen.watcher.queue.ShardedEventQueue;
import io.kubezen.watcher.queue.redis.RedisEventQueue;
import io.kubezen.watcher.queue.StatusHint;
import io.kubezen.watcher.redis.RedisKeys;
import io.kubezen.watcher.testing.MutableClock;
import io.kubezen.watcher.testing.redis.QueueStreams;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status updates the admission script schedules reach a writer as the {@link StatusHint}s that Java would queue,
 * with the fields Java writes for them, though the script lists them in a status stream entry of its own making.
 */
@WithRedis
class RedisAdmissionStatusEntryIT {

    private static final Duration WINDOW = Duration.ofDays(1);
    private static final Duration INTERVAL = DedupStore.DEFAULT_STATUS_INTERVAL;

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisServerHandle redis;
    private final MutableClock clock = new MutableClock(Instant.EPOCH);

    RedisAdmissionStatusEntryIT(RedisServerHandle redis) {
        this.redis = redis;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "times without milliseconds, 2025-12-06T05:46:40Z, 2025-12-06T05:47:41Z",
            "milliseconds and milliseconds under 10, 2025-12-06T05:46:40.250Z, 2025-12-06T05:47:41.007Z",
            "the year's last millisecond repeated in the next year, 2025-12-31T23:59:59.999Z, 2026-01-01T00:00:00.001Z",
            "a leap day whose update is due the next day, 2028-02-29T12:00:00.100Z, 2028-02-29T23:59:45.500Z",
            "a record made by an ingester whose clock runs ahead, 2025-12-06T05:46:42.120Z, 2025-12-06T05:46:40.500Z",
            "the first millisecond of 2001, 2001-01-01T00:00:00Z, 2001-01-01T00:00:00.010Z"})
    void aStatusEntryIsTheOneJavaWrites(String name, Instant firstSeen, Instant repeatedAt) {
        AdmissionStore store = store();
        clock.set(firstSeen);
        admit(store, "fp-1");
        clock.set(repeatedAt);
        admit(store, "fp-1");

        Instant lastSeen = repeatedAt.isAfter(firstSeen) ? repeatedAt : firstSeen;
        assertThat(statusUpdates()).containsExactly(fields(
                new StatusHint("falco", "fp-1", firstSeen, "shop", repeatedAt.plus(INTERVAL), lastSeen, 2)));
    }

    /** The updates of one script call in a shard are one entry of its status stream, each with its own times. */
    @Test
    void theStatusUpdatesOfOneCallAreOneEntry() {
        Instant lastYear = Instant.parse("2025-12-31T23:59:50Z");
        Instant thisYear = Instant.parse("2026-01-01T00:00:05.120Z");
        Instant repeatedAt = Instant.parse("2026-01-01T00:00:10Z");
        List<String> sameShard = sameShard(3);
        AdmissionStore store = store();
        clock.set(lastYear);
        admit(store, sameShard.get(0));
        clock.set(thisYear);
        admit(store, sameShard.get(1), sameShard.get(2));
        clock.set(repeatedAt);
        admit(store, sameShard.get(0), sameShard.get(1), sameShard.get(2));

        Instant due = repeatedAt.plus(INTERVAL);
        assertThat(statusUpdates()).containsExactly(
                fields(new StatusHint("falco", sameShard.get(0), lastYear, "shop", due, repeatedAt, 2)),
                fields(new StatusHint("falco", sameShard.get(1), thisYear, "shop", due, repeatedAt, 2)),
                fields(new StatusHint("falco", sameShard.get(2), thisYear, "shop", due, repeatedAt, 2)));
        assertThat(QueueStreams.statusEntries(redis.sync())).hasSize(1);
    }

    @Test
    void aNamespaceThatJsonMustEscapeIsWrittenAsJavaWritesIt() {
        String namespace = "we\"ird\\name\n caf\u00e9";
        AdmissionStore store = store();
        Instant firstSeen = Instant.parse("2025-12-06T05:46:40.250Z");
        clock.set(firstSeen);
        admitIn(store, namespace, "fp-1");
        clock.advance(Duration.ofSeconds(1));
        admitIn(store, namespace, "fp-1");

        assertThat(statusUpdates()).containsExactly(fields(new StatusHint("falco", "fp-1", firstSeen, namespace,
                clock.instant().plus(INTERVAL), clock.instant(), 2)));
    }

    private AdmissionStore store() {
        return new RedisAdmissionStore(connectors.open(redis), clock, INTERVAL, 1_000, ReplicaAcks.NONE);
    }

    private static void admit(AdmissionStore store, String... fingerprints) {
        admitIn(store, "shop", fingerprints);
    }

    /** One batch; events of one shard go in one script call. */
    private static void admitIn(AdmissionStore store, String namespace, String... fingerprints) {
        store.admitAsync(List.of(fingerprints).stream()
                .map(fingerprint -> new AdmissionRequest("falco", fingerprint, observation(namespace, fingerprint),
                        WINDOW))
                .toList()).toCompletableFuture().join();
    }

    /** The status updates of every shard as a writer reads them, each as its fields. */
    private List<Map<String, String>> statusUpdates() {
        List<Map<String, String>> updates = new ArrayList<>();
        try (ShardedEventQueue queue = RedisEventQueue.sharded(connectors.open(redis), 1_000_000)) {
            queue.ensureGroup("test");
            List<QueueEntry> read;
            while (!(read = queue.read("test", "reader", 100, Duration.ZERO)).isEmpty()) {
                read.stream().filter(entry -> entry.fields().containsKey(QueuedObservationCodec.STATUS))
                        .forEach(entry -> updates.add(entry.fields()));
            }
        }
        return updates;
    }

    /** The fields Java writes for {@code hint}. */
    private static Map<String, String> fields(StatusHint hint) {
        return QueuedObservationCodec.encode(hint);
    }

    private static List<String> sameShard(int count) {
        RedisKeys keys = QueueStreams.KEYS;
        int shard = keys.shard("falco", "fp-0");
        return IntStream.range(0, 1_000).mapToObj(i -> "fp-" + i)
                .filter(fingerprint -> keys.shard("falco", fingerprint) == shard).limit(count).toList();
    }

    private static Observation observation(String namespace, String fingerprint) {
        ObservationSpec spec = new ObservationSpec("falco", Category.SECURITY, Severity.HIGH, "runtime-threat",
                new ResourceRef("v1", "Pod", "web-0", namespace), "Shell in container", "A shell was spawned",
                Map.of("output", "x"), Instant.parse("2025-12-06T05:46:40Z"), fingerprint, 86_400L);
        return new Observation(namespace, Map.of("zen.kube-zen.io/source", "falco"), spec);
    }
}
