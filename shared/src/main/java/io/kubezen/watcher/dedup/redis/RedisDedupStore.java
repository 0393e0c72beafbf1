package io.kubezen.watcher.dedup.redis;

import io.kubezen.watcher.dedup.DedupRecord;
import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisKeys;
import io.kubezen.watcher.redis.RedisScript;
import io.kubezen.watcher.store.Page;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Dedup records as Redis hashes, one key per fingerprint ({@link RedisKeys#dedupRecord}). Each occurrence is
 * one atomic script call on that single key, which is what makes two ingesters agree on who saw an event
 * first, and keeps Redis Cluster possible. A batch sends all its calls before waiting, so it costs about one
 * round trip. See {@code DESIGN.md} in the {@code dedup} package.
 */
public final class RedisDedupStore implements DedupStore {

    /**
     * KEYS[1] record; ARGV now (epoch ms), window (ms), source, fingerprint.
     * Returns {outcome, firstSeen ms, lastSeen ms, count, ttl ms}; outcome 1 when this call created the record, 2 when
     * it existed but is not marked queued yet (it still has its {@code pending} field), 0 for a duplicate. Times travel as the caller's strings, never
     * as Lua numbers, which would lose digits when turned back into text. PEXPIRE is set only on creation: the
     * window runs from the first occurrence, so an event that keeps repeating is re-emitted once per window.
     * Public so that the benchmark can measure Redis's own ceiling for exactly this script.
     */
    public static final String RECORD_SCRIPT = """
            if redis.call('HSETNX', KEYS[1], 'firstSeen', ARGV[1]) == 1 then
              redis.call('HSET', KEYS[1], 'lastSeen', ARGV[1], 'count', 1, 'source', ARGV[3], 'fingerprint', ARGV[4],
                'pending', 1)
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return {1, ARGV[1], ARGV[1], 1, tonumber(ARGV[2])}
            end
            local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
            local last = redis.call('HGET', KEYS[1], 'lastSeen')
            if tonumber(ARGV[1]) > tonumber(last) then
              redis.call('HSET', KEYS[1], 'lastSeen', ARGV[1])
              last = ARGV[1]
            end
            local outcome = 0
            if redis.call('HEXISTS', KEYS[1], 'pending') == 1 then
              outcome = 2
            end
            return {outcome, redis.call('HGET', KEYS[1], 'firstSeen'), last, count, redis.call('PTTL', KEYS[1])}
            """;

    private static final RedisScript RECORD = new RedisScript(RECORD_SCRIPT);

    /** Bounds the work of one page when the source's records are sparse among many keys. */
    private static final int MAX_SCANS_PER_PAGE = 50;

    private final RedisConnector connector;
    private final RedisKeys keys;
    private final Clock clock;

    public RedisDedupStore(RedisConnector connector, Clock clock) {
        this.connector = connector;
        this.keys = connector.keys();
        this.clock = clock;
    }

    @Override
    public List<DedupResult> record(List<DedupRequest> batch) {
        return RedisCalls.await(recordAsync(batch), "dedup record");
    }

    /** Sends every call of the batch before any reply arrives, so they travel in one pipeline. */
    @Override
    public CompletionStage<List<DedupResult>> recordAsync(List<DedupRequest> batch) {
        RedisAsyncCommands<String, String> redis;
        try {
            redis = connector.shared().async();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        String now = Long.toString(clock.millis());
        List<CompletableFuture<List<Object>>> calls = new ArrayList<>(batch.size());
        for (DedupRequest request : batch) {
            calls.add(RECORD.<List<Object>>run(redis, ScriptOutputType.MULTI,
                    new String[] {keys.dedupRecord(request.source(), request.fingerprint())},
                    now, Long.toString(request.window().toMillis()),
                    request.source(), request.fingerprint()).toCompletableFuture());
        }
        CompletionStage<List<DedupResult>> results = CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> results(batch, calls));
        return RedisCalls.translated(results, "dedup record");
    }

    @Override
    public void markQueued(String source, List<String> fingerprints) {
        RedisCalls.await(markQueuedAsync(source, fingerprints), "dedup mark queued");
    }

    /**
     * One {@code HDEL pending} per record, all sent before any reply, like {@link #recordAsync}. A plain command
     * instead of a script: deleting a field never creates a key, so an expired or forgotten record stays gone.
     */
    @Override
    public CompletionStage<Void> markQueuedAsync(String source, List<String> fingerprints) {
        RedisAsyncCommands<String, String> redis;
        try {
            redis = connector.shared().async();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<?>[] calls = new CompletableFuture<?>[fingerprints.size()];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = redis.hdel(keys.dedupRecord(source, fingerprints.get(i)), "pending").toCompletableFuture();
        }
        return RedisCalls.translated(CompletableFuture.allOf(calls), "dedup mark queued");
    }

    @Override
    public CompletionStage<Boolean> forgetAsync(String source, String fingerprint) {
        try {
            return RedisCalls.translated(connector.shared().async().del(keys.dedupRecord(source, fingerprint))
                    .thenApply(deleted -> deleted > 0), "dedup forget");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static List<DedupResult> results(List<DedupRequest> batch, List<CompletableFuture<List<Object>>> calls) {
        List<DedupResult> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            List<Object> reply = calls.get(i).join();
            DedupRequest request = batch.get(i);
            long outcome = (Long) reply.get(0);
            results.add(new DedupResult(outcome == 1L, outcome == 2L, new DedupRecord(
                    request.source(), request.fingerprint(), millis(reply.get(1)), millis(reply.get(2)),
                    (Long) reply.get(3), ttl((Long) reply.get(4)))));
        }
        return results;
    }

    @Override
    public Optional<DedupRecord> get(String source, String fingerprint) {
        return RedisCalls.await(read(connector.shared().async(), keys.dedupRecord(source, fingerprint)), "dedup get");
    }

    @Override
    public boolean forget(String source, String fingerprint) {
        return RedisCalls.await(forgetAsync(source, fingerprint), "dedup forget");
    }

    /**
     * SCANs for the source's key pattern until about {@code limit} keys are found, or for at most
     * {@value #MAX_SCANS_PER_PAGE} steps, then reads them in one pipeline. The cursor is Redis's SCAN cursor,
     * with SCAN's guarantees.
     */
    @Override
    public Page<DedupRecord> list(String source, String cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        RedisAsyncCommands<String, String> redis = connector.shared().async();
        ScanArgs match = ScanArgs.Builder.matches(keys.dedupRecordPattern(source)).limit(limit);
        ScanCursor position = cursor == null ? ScanCursor.INITIAL : ScanCursor.of(cursor);
        List<String> found = new ArrayList<>();
        int scans = 0;
        do {
            KeyScanCursor<String> scanned = RedisCalls.await(redis.scan(position, match), "dedup list");
            found.addAll(scanned.getKeys());
            position = scanned;
        } while (found.size() < limit && !position.isFinished() && ++scans < MAX_SCANS_PER_PAGE);

        List<CompletionStage<Optional<DedupRecord>>> reads = found.stream().map(key -> read(redis, key)).toList();
        List<DedupRecord> records = RedisCalls.awaitAll(reads, "dedup list").stream().flatMap(Optional::stream).toList();
        return new Page<>(records, position.isFinished() ? null : position.getCursor());
    }

    /** Sends HGETALL and PTTL together; empty when the key expired in between. */
    private static CompletionStage<Optional<DedupRecord>> read(RedisAsyncCommands<String, String> redis, String key) {
        CompletionStage<Map<String, String>> fields = redis.hgetall(key);
        CompletionStage<Long> pttl = redis.pttl(key);
        return fields.thenCombine(pttl, (hash, ttlMillis) -> hash.isEmpty() ? Optional.empty() : Optional.of(
                new DedupRecord(hash.get("source"), hash.get("fingerprint"), millis(hash.get("firstSeen")),
                        millis(hash.get("lastSeen")), Long.parseLong(hash.get("count")), ttl(ttlMillis))));
    }

    private static Instant millis(Object epochMillis) {
        return Instant.ofEpochMilli(Long.parseLong(String.valueOf(epochMillis)));
    }

    /** PTTL answers -1 for a key without expiry (someone ran PERSIST); report that as nothing left to count down. */
    private static Duration ttl(long ttlMillis) {
        return Duration.ofMillis(Math.max(0, ttlMillis));
    }
}
