package io.kubezen.watcher.dedup.redis;

import io.kubezen.watcher.dedup.DedupRecord;
import io.kubezen.watcher.dedup.DedupRecordId;
import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.DedupStoreContract;
import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.redis.RedisKeys;
import io.kubezen.watcher.testing.redis.CommandStats;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@WithRedis
class RedisDedupStoreIT extends DedupStoreContract {

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisDeployment redis;

    private static final RedisKeys KEYS = new RedisKeys(RedisConnectionOptions.DEFAULT_KEY_PREFIX,
            RedisConnectionOptions.DEFAULT_QUEUE_SHARDS);

    RedisDedupStoreIT(RedisDeployment redis) {
        this.redis = redis;
    }

    @Override
    protected DedupStore createStore(Clock clock) {
        return new RedisDedupStore(connectors.open(redis), clock, DedupStore.DEFAULT_STATUS_INTERVAL);
    }

    @Override
    protected DedupStore secondProcess(Clock clock) {
        return createStore(clock);
    }

    @Override
    protected Duration expiringWindow() {
        return Duration.ofMillis(300);
    }

    @Test
    void recordIsOneReadableStringUnderTheDocumentedKeyExpiringWithTheWindow() {
        store.record(request("falco", "abc123", WINDOW));
        clock.advance(Duration.ofSeconds(1));
        store.record(request("falco", "abc123", WINDOW));
        String key = KEYS.dedupRecord("falco", "abc123");

        assertThat(key).matches("zw:\\{s[0-7]}:dedup:falco:abc123");
        // firstSeen:windowEnds:lastSeen:statusDue:count
        assertThat(redis.sync().get(key)).isEqualTo(millis(T0) + ":" + millis(T0.plus(WINDOW)) + ":"
                + millis(T0.plusSeconds(1)) + ":" + millis(T0.plusSeconds(1).plus(DedupStore.DEFAULT_STATUS_INTERVAL))
                + ":2");
        // The key outlives the window by two status intervals, for the status update of the window's last repeats.
        long lifetime = WINDOW.plus(DedupStore.DEFAULT_STATUS_INTERVAL.multipliedBy(2)).toMillis();
        assertThat(redis.sync().pttl(key)).isBetween(lifetime - 5_000, lifetime);
    }

    @Test
    void aRecordThatEndedIsKeptBehindItsSuccessorWithCountsOfManyDigits() {
        List<DedupRequest> burst = IntStream.range(0, 1_234).mapToObj(i -> request("falco", "fp-1", WINDOW)).toList();
        store.record(burst);
        clock.advance(WINDOW);
        store.record(request("falco", "fp-1", WINDOW));
        store.record(burst.subList(0, 11));
        String key = KEYS.dedupRecord("falco", "fp-1");

        assertThat(redis.sync().get(key)).endsWith(":12|" + millis(T0) + ":" + millis(T0) + ":1234");
        assertThat(store.find("falco", "fp-1", T0)).get().extracting(DedupRecord::count, DedupRecord::ttlLeft)
                .containsExactly(1_234L, Duration.ZERO);
        assertThat(store.get("falco", "fp-1")).get().extracting(DedupRecord::firstSeen, DedupRecord::count)
                .containsExactly(T0.plus(WINDOW), 12L);
    }

    /** Times are stored with 13 digits, which compare as strings; one before 2001 has fewer and is padded. */
    @Test
    void timesBefore2001AreDecidedAsAnyOther() {
        clock.set(Instant.ofEpochMilli(90_000));
        DedupResult first = store.record(request("falco", "fp-1", WINDOW));
        clock.advance(Duration.ofSeconds(1));
        DedupResult repeat = store.record(request("falco", "fp-1", WINDOW));
        clock.advance(WINDOW);
        DedupResult afterTheWindow = store.record(request("falco", "fp-1", WINDOW));

        assertThat(List.of(first, repeat, afterTheWindow)).extracting(DedupResult::firstOccurrence)
                .containsExactly(true, false, true);
        assertThat(repeat.record()).extracting(DedupRecord::lastSeen, DedupRecord::count)
                .containsExactly(Instant.ofEpochMilli(91_000), 2L);
        assertThat(store.find("falco", "fp-1", Instant.ofEpochMilli(90_000))).get().extracting(DedupRecord::count)
                .isEqualTo(2L);
    }

    /**
     * A record of the hash layout earlier versions wrote, live during a rolling upgrade: read as it is, and turned
     * into the string layout by its next occurrence, which keeps its window, count, due status update and expiry.
     */
    @Test
    void aRecordOfTheHashLayoutKeepsItsStateAndBecomesAString() {
        String key = KEYS.dedupRecord("falco", "fp-1");
        redis.sync().hset(key, Map.of("firstSeen", millis(T0), "lastSeen", millis(T0.plusSeconds(2)), "count", "5",
                "source", "falco", "fingerprint", "fp-1", "expiresAt", millis(T0.plus(WINDOW)),
                "statusDue", millis(T0.plusSeconds(40))));
        redis.sync().pexpire(key, 400_000);
        clock.advance(Duration.ofSeconds(3));

        assertThat(store.get("falco", "fp-1")).get().extracting(DedupRecord::firstSeen, DedupRecord::count,
                DedupRecord::ttlLeft).containsExactly(T0, 5L, WINDOW.minusSeconds(3));
        assertThat(store.list("falco", null, 10).items()).extracting(DedupRecord::fingerprint, DedupRecord::count)
                .containsExactly(tuple("fp-1", 5L));
        assertThat(store.find("falco", "fp-1", T0)).get().extracting(DedupRecord::count).isEqualTo(5L);

        DedupResult repeat = store.record(request("falco", "fp-1", WINDOW));

        assertThat(repeat.firstOccurrence()).isFalse();
        assertThat(repeat.statusDueAt()).as("a status update was due at +40 s, not yet").isNull();
        assertThat(repeat.record()).extracting(DedupRecord::firstSeen, DedupRecord::lastSeen, DedupRecord::count,
                DedupRecord::ttlLeft).containsExactly(T0, T0.plusSeconds(3), 6L, WINDOW.minusSeconds(3));
        assertThat(redis.sync().type(key)).isEqualTo("string");
        assertThat(redis.sync().pttl(key)).isBetween(390_000L, 400_000L);
        clock.advance(Duration.ofSeconds(40));
        assertThat(store.record(request("falco", "fp-1", WINDOW)).statusDueAt())
                .isEqualTo(T0.plusSeconds(43).plus(DedupStore.DEFAULT_STATUS_INTERVAL));
    }

    /** The previous record of a hash goes with it, and so does one whose window had ended before the upgrade. */
    @Test
    void aHashWhoseWindowEndedIsKeptBehindItsSuccessor() {
        String key = KEYS.dedupRecord("falco", "fp-1");
        Instant before = T0.minus(WINDOW);
        redis.sync().hset(key, Map.of("firstSeen", millis(before), "lastSeen", millis(before.plusSeconds(9)),
                "count", "3", "source", "falco", "fingerprint", "fp-1", "expiresAt", millis(T0),
                "previousFirstSeen", millis(before.minusSeconds(999)),
                "previousLastSeen", millis(before.minusSeconds(998)), "previousCount", "2"));
        redis.sync().pexpire(key, 60_000);

        assertThat(store.get("falco", "fp-1")).isEmpty();
        assertThat(store.find("falco", "fp-1", before.minusSeconds(999))).get().extracting(DedupRecord::count)
                .isEqualTo(2L);

        DedupResult next = store.record(request("falco", "fp-1", WINDOW));

        assertThat(next.firstOccurrence()).isTrue();
        assertThat(next.record()).extracting(DedupRecord::firstSeen, DedupRecord::count).containsExactly(T0, 1L);
        assertThat(store.find("falco", "fp-1", before)).get().extracting(DedupRecord::lastSeen, DedupRecord::count)
                .containsExactly(before.plusSeconds(9), 3L);
        assertThat(redis.sync().type(key)).isEqualTo("string");
    }

    /** A writer's batch costs one MGET per shard it touches (on standalone and Sentinel one), not a GET per entry. */
    @Test
    void findAllReadsABatchWithOneMgetPerShard() {
        List<DedupRequest> batch = IntStream.range(0, 100).mapToObj(i -> request("falco", "fp-" + i, WINDOW)).toList();
        store.record(batch);
        long gets = commandCalls("get");
        long mgets = commandCalls("mget");

        List<Optional<DedupRecord>> found = store.findAll(batch.stream()
                .map(request -> new DedupRecordId("falco", request.fingerprint(), T0)).toList());

        assertThat(found).hasSize(100).allSatisfy(record -> assertThat(record).isPresent());
        assertThat(commandCalls("get") - gets).isZero();
        assertThat(commandCalls("mget") - mgets).isBetween(1L,
                masters().size() == 1 ? 1L : RedisConnectionOptions.DEFAULT_QUEUE_SHARDS);
    }

    /** MGET answers a hash as it answers a missing key; the batch read tells the two apart. */
    @Test
    void findAllReadsRecordsOfTheHashLayoutBesideStrings() {
        String key = KEYS.dedupRecord("falco", "fp-hash");
        redis.sync().hset(key, Map.of("firstSeen", millis(T0), "lastSeen", millis(T0.plusSeconds(9)), "count", "3",
                "source", "falco", "fingerprint", "fp-hash", "expiresAt", millis(T0.plus(WINDOW))));
        redis.sync().pexpire(key, 60_000);
        store.record(request("falco", "fp-string", WINDOW));

        List<Optional<DedupRecord>> found = store.findAll(List.of(new DedupRecordId("falco", "fp-string", T0),
                new DedupRecordId("falco", "fp-hash", T0), new DedupRecordId("falco", "fp-missing", T0),
                new DedupRecordId("falco", "fp-hash", T0.plusSeconds(1))));

        assertThat(found.get(0)).get().extracting(DedupRecord::count).isEqualTo(1L);
        assertThat(found.get(1)).get().extracting(DedupRecord::lastSeen, DedupRecord::count)
                .containsExactly(T0.plusSeconds(9), 3L);
        assertThat(found.get(2)).isEmpty();
        assertThat(found.get(3)).isEmpty();
    }

    /** Versions before expiresAt ended a record's window with its key. */
    @Test
    void aHashWithoutItsWindowEndEndsWithItsKey() {
        String key = KEYS.dedupRecord("falco", "fp-1");
        redis.sync().hset(key, Map.of("firstSeen", millis(T0), "lastSeen", millis(T0), "count", "1",
                "source", "falco", "fingerprint", "fp-1"));
        redis.sync().pexpire(key, 100_000);

        assertThat(store.get("falco", "fp-1")).get().extracting(DedupRecord::ttlLeft)
                .satisfies(left -> assertThat(left).isBetween(Duration.ofSeconds(95), Duration.ofSeconds(100)));
        DedupResult repeat = store.record(request("falco", "fp-1", WINDOW));

        assertThat(repeat.firstOccurrence()).isFalse();
        assertThat(repeat.record().count()).isEqualTo(2L);
        assertThat(repeat.record().ttlLeft()).isBetween(Duration.ofSeconds(95), Duration.ofSeconds(100));
    }

    @Test
    void keyPrefixIsConfigurable() {
        DedupStore other = new RedisDedupStore(
                connectors.open(redis.options().withKeyPrefix("team-b:")), clock, DedupStore.DEFAULT_STATUS_INTERVAL);

        other.record(request("falco", "abc123", WINDOW));

        assertThat(redis.sync().exists(new RedisKeys("team-b:", RedisConnectionOptions.DEFAULT_QUEUE_SHARDS)
                .dedupRecord("falco", "abc123"))).isEqualTo(1);
        assertThat(store.get("falco", "abc123")).isEmpty();
    }

    @Test
    void scriptIsSentAgainAfterRedisForgotIt() {
        store.record(request("falco", "a", WINDOW));
        redis.sync().scriptFlush();

        assertThat(store.record(request("falco", "a", WINDOW)).record().count()).isEqualTo(2);
    }

    private static String millis(Instant time) {
        return Long.toString(time.toEpochMilli());
    }

    /** The masters, each through commands of its own: the one of standalone and Sentinel. */
    protected List<? extends RedisClusterCommands<String, String>> masters() {
        return List.of(redis.sync());
    }

    private long commandCalls(String command) {
        return CommandStats.calls(masters(), command);
    }
}
