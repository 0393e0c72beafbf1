package io.kubezen.watcher.dedup.redis;

import io.kubezen.watcher.dedup.DedupRecord;
import io.kubezen.watcher.dedup.DedupRecordId;
import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisKeys;
import io.kubezen.watcher.redis.RedisScript;
import io.kubezen.watcher.redis.ScanPage;
import io.kubezen.watcher.store.Page;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Dedup records as Redis strings, one key per fingerprint ({@link RedisKeys#dedupRecord}), laid out as
 * {@link DedupRecordLua} says; records of the hash layout that earlier versions wrote are read too, until the next
 * occurrence rewrites them or they expire. Each occurrence is
 * one atomic script call on that single key, which is what makes two ingesters agree on who saw an event
 * first, and keeps Redis Cluster possible. A batch sends all its calls before waiting, so it costs about one
 * round trip. See {@code DESIGN.md} in the {@code dedup} package.
 */
public final class RedisDedupStore implements DedupStore {

    private static final RedisScript RECORD = DedupRecordLua.withRecord(RedisDedupStore.class, "record.lua");

    /** Bounds the work of one page when the source's records are sparse among many keys. */
    private static final int MAX_SCANS_PER_PAGE = 50;

    private final RedisConnector connector;
    private final RedisKeys keys;
    private final Clock clock;
    private final Duration statusInterval;

    public RedisDedupStore(RedisConnector connector, Clock clock, Duration statusInterval) {
        if (statusInterval.isNegative() || statusInterval.isZero()) {
            throw new IllegalArgumentException("statusInterval must be positive, was " + statusInterval);
        }
        this.connector = connector;
        this.keys = connector.keys();
        this.clock = clock;
        this.statusInterval = statusInterval;
    }

    /** Sends every call of the batch before any reply arrives, so they travel in one pipeline. */
    @Override
    public List<DedupResult> record(List<DedupRequest> batch) {
        RedisClusterAsyncCommands<String, String> redis = connector.shared().async();
        long now = clock.millis();
        List<CompletionStage<String>> calls = new ArrayList<>(batch.size());
        for (DedupRequest request : batch) {
            calls.add(RECORD.run(redis, ScriptOutputType.VALUE,
                    new String[] {keys.dedupRecord(request.source(), request.fingerprint())},
                    DedupRecordLua.arguments(request, now, statusInterval).toArray(String[]::new)));
        }
        List<String> replies = RedisCalls.awaitAll(calls, "dedup record");
        List<DedupResult> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            results.add(DedupRecordLua.result(batch.get(i), replies.get(i), now));
        }
        return results;
    }

    @Override
    public Optional<DedupRecord> get(String source, String fingerprint) {
        return RedisCalls.await(read(connector.shared().async(), keys.dedupRecord(source, fingerprint), source,
                fingerprint), "dedup get");
    }

    /**
     * One MGET for all the records (on Cluster, Lettuce sends one per slot, and the records of a shard share one).
     * MGET answers nil for a key that holds a record of the hash layout as for a missing key, so each of those is
     * read on its own, in one pipeline.
     */
    @Override
    public List<Optional<DedupRecord>> findAll(List<DedupRecordId> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        RedisClusterAsyncCommands<String, String> redis = connector.shared().async();
        String[] recordKeys = new String[records.size()];
        for (int i = 0; i < recordKeys.length; i++) {
            recordKeys[i] = keys.dedupRecord(records.get(i).source(), records.get(i).fingerprint());
        }
        List<KeyValue<String, String>> stored = RedisCalls.await(redis.mget(recordKeys), "dedup find");
        long now = clock.millis();
        List<CompletionStage<Optional<DedupRecord>>> found = new ArrayList<>(recordKeys.length);
        for (int i = 0; i < recordKeys.length; i++) {
            DedupRecordId record = records.get(i);
            KeyValue<String, String> value = stored.get(i);
            found.add(value.hasValue()
                    ? CompletableFuture.completedFuture(firstSeenAt(record, value.getValue(), now))
                    : findOne(redis, recordKeys[i], record, now));
        }
        return RedisCalls.awaitAll(found, "dedup find");
    }

    private CompletionStage<Optional<DedupRecord>> findOne(RedisClusterAsyncCommands<String, String> redis, String key,
                                                           DedupRecordId record, long now) {
        return orHash(redis.get(key).thenApply(stored -> firstSeenAt(record, stored, now)),
                () -> redis.hgetall(key).thenApply(hash ->
                        findInHash(record.source(), record.fingerprint(), hash, record.firstSeen())));
    }

    /** The record in a stored string, current or previous; empty without a string or when it holds neither. */
    private static Optional<DedupRecord> firstSeenAt(DedupRecordId record, String stored, long now) {
        return stored == null ? Optional.empty() : DedupRecordLua.firstSeenAt(record.source(), record.fingerprint(),
                stored, record.firstSeen().toEpochMilli(), now);
    }

    @Override
    public boolean forget(String source, String fingerprint) {
        return RedisCalls.await(connector.shared().async().del(keys.dedupRecord(source, fingerprint)), "dedup forget") > 0;
    }

    /**
     * SCANs for the source's key pattern until about {@code limit} keys are found, or for at most
     * {@value #MAX_SCANS_PER_PAGE} steps, then reads them in one pipeline. The cursor is the connector's SCAN
     * cursor (on Cluster it names the master it is on), with SCAN's guarantees.
     */
    @Override
    public Page<DedupRecord> list(String source, String cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        RedisClusterAsyncCommands<String, String> redis = connector.shared().async();
        ScanArgs match = ScanArgs.Builder.matches(keys.dedupRecordPattern(source)).limit(limit);
        List<String> found = new ArrayList<>();
        ScanPage position = new ScanPage(List.of(), cursor);
        int scans = 0;
        do {
            position = connector.scan(position.cursor(), match);
            found.addAll(position.keys());
        } while (found.size() < limit && !position.isFinished() && ++scans < MAX_SCANS_PER_PAGE);

        List<CompletionStage<Optional<DedupRecord>>> reads = found.stream()
                .map(key -> read(redis, key, source, keys.dedupRecordFingerprint(key, source))).toList();
        List<DedupRecord> records = RedisCalls.awaitAll(reads, "dedup list").stream().flatMap(Optional::stream).toList();
        return new Page<>(records, position.cursor());
    }

    /** Empty when the key expired, or its window has ended (the key outlives it for the last status update). */
    private CompletionStage<Optional<DedupRecord>> read(RedisClusterAsyncCommands<String, String> redis, String key,
                                                        String source, String fingerprint) {
        long now = clock.millis();
        CompletionStage<Optional<DedupRecord>> stored = redis.get(key).thenApply(value -> value == null
                ? Optional.<DedupRecord>empty() : DedupRecordLua.current(source, fingerprint, value, now));
        return orHash(stored, () -> readHash(redis, key, source, fingerprint));
    }

    /** {@code read}, or, when Redis answers WRONGTYPE, {@code hashRead}: a record of the hash layout. */
    private static <T> CompletionStage<T> orHash(CompletionStage<T> read, Supplier<CompletionStage<T>> hashRead) {
        return read.exceptionallyCompose(failure -> RedisCalls.isServerError(failure, "WRONGTYPE")
                ? hashRead.get() : CompletableFuture.failedFuture(failure));
    }

    /** A record of the hash layout: HGETALL and PTTL sent together; empty as {@link #read} is, or without firstSeen. */
    private CompletionStage<Optional<DedupRecord>> readHash(RedisClusterAsyncCommands<String, String> redis,
                                                            String key, String source, String fingerprint) {
        CompletionStage<Map<String, String>> fields = redis.hgetall(key);
        CompletionStage<Long> pttl = redis.pttl(key);
        return fields.thenCombine(pttl, (hash, ttlMillis) -> {
            if (!hash.containsKey("firstSeen")) {
                return Optional.empty();
            }
            Duration left = hash.containsKey("expiresAt") ? remaining(hash) : ttl(ttlMillis);
            return left.isZero() ? Optional.<DedupRecord>empty() : Optional.of(record(source, fingerprint, hash,
                    "firstSeen", "lastSeen", "count", left));
        });
    }

    private Optional<DedupRecord> findInHash(String source, String fingerprint, Map<String, String> hash,
                                             Instant firstSeen) {
        String first = Long.toString(firstSeen.toEpochMilli());
        if (first.equals(hash.get("firstSeen"))) {
            return Optional.of(record(source, fingerprint, hash, "firstSeen", "lastSeen", "count", remaining(hash)));
        }
        if (first.equals(hash.get("previousFirstSeen"))) {
            return Optional.of(record(source, fingerprint, hash, "previousFirstSeen", "previousLastSeen",
                    "previousCount", Duration.ZERO));
        }
        return Optional.empty();
    }

    /** What is left of the window by the record's own end time; zero once it has passed. */
    private Duration remaining(Map<String, String> hash) {
        String ends = hash.get("expiresAt");
        return ends == null ? Duration.ZERO : ttl(Long.parseLong(ends) - clock.millis());
    }

    private static DedupRecord record(String source, String fingerprint, Map<String, String> hash, String firstSeen,
                                      String lastSeen, String count, Duration left) {
        return new DedupRecord(source, fingerprint, millis(hash.get(firstSeen)), millis(hash.get(lastSeen)),
                Long.parseLong(hash.get(count)), left);
    }

    private static Instant millis(Object epochMillis) {
        return Instant.ofEpochMilli(Long.parseLong(String.valueOf(epochMillis)));
    }

    /** PTTL answers -1 for a key without expiry (someone ran PERSIST); report that as nothing left to count down. */
    private static Duration ttl(long ttlMillis) {
        return Duration.ofMillis(Math.max(0, ttlMillis));
    }
}
