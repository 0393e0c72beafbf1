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
     * KEYS[1] record; ARGV now, window, source, fingerprint, end of window, key lifetime (window plus two status
     * intervals), status due time (now plus one interval): times in epoch ms, durations in ms.
     * Returns {outcome, firstSeen ms, lastSeen ms, count, ms left in the window, status due ms or 0}; outcome 1 when
     * this call created the record, 2 when it existed but is not marked queued yet (it still has its {@code pending}
     * field), 0 for a duplicate. A record whose window has ended is moved into the {@code previous*} fields of its
     * successor, where the writer's last status update of it still finds its final count. Times travel as the
     * caller's strings, never as Lua numbers, which would lose digits when turned back into text. The window runs
     * from the first occurrence, so an event that keeps repeating is re-emitted once per window. A repeat schedules
     * a status update when none is due yet: at most one per record per interval. Records of earlier versions have no
     * {@code expiresAt} and end with their key. Public so that the benchmark can measure Redis's own ceiling for
     * exactly this script.
     */
    public static final String RECORD_SCRIPT = """
            local now = tonumber(ARGV[1])
            local ends = redis.call('HGET', KEYS[1], 'expiresAt')
            if ends and now >= tonumber(ends) then
              local old = redis.call('HMGET', KEYS[1], 'firstSeen', 'lastSeen', 'count')
              redis.call('DEL', KEYS[1])
              redis.call('HSET', KEYS[1], 'previousFirstSeen', old[1], 'previousLastSeen', old[2], 'previousCount', old[3])
            end
            if redis.call('HSETNX', KEYS[1], 'firstSeen', ARGV[1]) == 1 then
              redis.call('HSET', KEYS[1], 'lastSeen', ARGV[1], 'count', 1, 'source', ARGV[3], 'fingerprint', ARGV[4],
                'pending', 1, 'expiresAt', ARGV[5])
              redis.call('PEXPIRE', KEYS[1], ARGV[6])
              return {1, ARGV[1], ARGV[1], 1, tonumber(ARGV[2]), '0'}
            end
            local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
            local last = redis.call('HGET', KEYS[1], 'lastSeen')
            if now > tonumber(last) then
              redis.call('HSET', KEYS[1], 'lastSeen', ARGV[1])
              last = ARGV[1]
            end
            local outcome = 0
            if redis.call('HEXISTS', KEYS[1], 'pending') == 1 then
              outcome = 2
            end
            local due = redis.call('HGET', KEYS[1], 'statusDue')
            local scheduled = '0'
            if not due or now >= tonumber(due) then
              redis.call('HSET', KEYS[1], 'statusDue', ARGV[7])
              scheduled = ARGV[7]
            end
            local left
            ends = redis.call('HGET', KEYS[1], 'expiresAt')
            if ends then
              left = tonumber(ends) - now
            else
              left = redis.call('PTTL', KEYS[1])
            end
            return {outcome, redis.call('HGET', KEYS[1], 'firstSeen'), last, count, left, scheduled}
            """;

    private static final RedisScript RECORD = new RedisScript(RECORD_SCRIPT);

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
        long nowMillis = clock.millis();
        String now = Long.toString(nowMillis);
        String statusDue = Long.toString(nowMillis + statusInterval.toMillis());
        long retention = statusInterval.multipliedBy(2).toMillis();
        List<CompletableFuture<List<Object>>> calls = new ArrayList<>(batch.size());
        for (DedupRequest request : batch) {
            long window = request.window().toMillis();
            calls.add(RECORD.<List<Object>>run(redis, ScriptOutputType.MULTI,
                    new String[] {keys.dedupRecord(request.source(), request.fingerprint())},
                    now, Long.toString(window), request.source(), request.fingerprint(),
                    Long.toString(nowMillis + window), Long.toString(window + retention), statusDue)
                    .toCompletableFuture());
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

    /** One {@code HDEL statusDue} per record, sent together; like marking, it never creates a key. */
    @Override
    public CompletionStage<Void> cancelStatusAsync(String source, List<String> fingerprints) {
        try {
            RedisAsyncCommands<String, String> redis = connector.shared().async();
            CompletableFuture<?>[] calls = new CompletableFuture<?>[fingerprints.size()];
            for (int i = 0; i < calls.length; i++) {
                calls[i] = redis.hdel(keys.dedupRecord(source, fingerprints.get(i)), "statusDue").toCompletableFuture();
            }
            return CompletableFuture.allOf(calls).handle((done, failure) -> null);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(null);
        }
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
            long statusDue = Long.parseLong(String.valueOf(reply.get(5)));
            results.add(new DedupResult(outcome == 1L, outcome == 2L, new DedupRecord(
                    request.source(), request.fingerprint(), millis(reply.get(1)), millis(reply.get(2)),
                    (Long) reply.get(3), ttl((Long) reply.get(4))), statusDue == 0 ? null : Instant.ofEpochMilli(statusDue)));
        }
        return results;
    }

    @Override
    public Optional<DedupRecord> get(String source, String fingerprint) {
        return RedisCalls.await(read(connector.shared().async(), keys.dedupRecord(source, fingerprint)), "dedup get");
    }

    @Override
    public Optional<DedupRecord> find(String source, String fingerprint, Instant firstSeen) {
        String first = Long.toString(firstSeen.toEpochMilli());
        Map<String, String> hash = RedisCalls.await(connector.shared().async()
                .hgetall(keys.dedupRecord(source, fingerprint)), "dedup find");
        if (first.equals(hash.get("firstSeen"))) {
            return Optional.of(record(source, fingerprint, hash, "firstSeen", "lastSeen", "count", remaining(hash)));
        }
        if (first.equals(hash.get("previousFirstSeen"))) {
            return Optional.of(record(source, fingerprint, hash, "previousFirstSeen", "previousLastSeen",
                    "previousCount", Duration.ZERO));
        }
        return Optional.empty();
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

    /**
     * Sends HGETALL and PTTL together; empty when the key expired in between, holds only a predecessor, or its
     * window has ended (the key outlives it for the last status update).
     */
    private CompletionStage<Optional<DedupRecord>> read(RedisAsyncCommands<String, String> redis, String key) {
        CompletionStage<Map<String, String>> fields = redis.hgetall(key);
        CompletionStage<Long> pttl = redis.pttl(key);
        return fields.thenCombine(pttl, (hash, ttlMillis) -> {
            if (!hash.containsKey("firstSeen")) {
                return Optional.empty();
            }
            Duration left = hash.containsKey("expiresAt") ? remaining(hash) : ttl(ttlMillis);
            return left.isZero() ? Optional.<DedupRecord>empty() : Optional.of(record(hash.get("source"),
                    hash.get("fingerprint"), hash, "firstSeen", "lastSeen", "count", left));
        });
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
