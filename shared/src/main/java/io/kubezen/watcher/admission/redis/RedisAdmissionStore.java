package io.kubezen.watcher.admission.redis;

import io.kubezen.watcher.admission.AdmissionRequest;
import io.kubezen.watcher.admission.AdmissionStore;
import io.kubezen.watcher.admission.ReplicaAcks;
import io.kubezen.watcher.admission.ReplicasNotReachedException;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.dedup.redis.DedupRecordLua;
import io.kubezen.watcher.queue.QueueFullException;
import io.kubezen.watcher.queue.QueuedObservationCodec;
import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisKeys;
import io.kubezen.watcher.redis.RedisScript;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Admission as one Lua script call per queue shard: an event's dedup record and its shard's stream share a hash tag
 * ({@link RedisKeys#dedupRecord}, {@link RedisKeys#observationStream}), so the script records each event of the
 * shard and appends what follows from it, atomically, also on Redis Cluster. A batch sends one call per shard it
 * touches before waiting for any, so it costs about one round trip. With {@link ReplicaAcks} on, it then sends
 * {@code WAIT} to each master it wrote to. See {@code DESIGN.md} in the {@code admission} package.
 */
public final class RedisAdmissionStore implements AdmissionStore {

    /** ARGV before the events': capacity, now ms, now ISO-8601, status due ms, status due ISO-8601. */
    private static final int HEAD = 5;
    /** ARGV per event: window ms ('' without dedup), source, fingerprint, end of window, key lifetime, namespace, JSON. */
    private static final int PER_EVENT = 7;

    /**
     * KEYS[1] the shard's stream, then the records of the events that deduplicate, in order; ARGV as {@link #HEAD}
     * and {@link #PER_EVENT} say. Refuses the whole call with {'FULL', length} when the stream could not take one
     * entry per event; otherwise returns one {@link DedupRecordLua} reply per event (made up for an event without
     * dedup, which is always queued). A first occurrence appends its observation, under the first-seen time now;
     * a repeat that schedules a status update appends the update, built here from the record because only here is
     * it known. Entries have the fields of {@link QueuedObservationCodec}; {@code iso} writes a time as Java's
     * {@link Instant#toString()} does for one of millisecond precision.
     */
    private static final RedisScript ADMIT = new RedisScript(DedupRecordLua.FUNCTION + """
            local function iso(ms)
              ms = tonumber(ms)
              local s = math.floor(ms / 1000)
              local days = math.floor(s / 86400)
              local secs = s - days * 86400
              local z = days + 719468
              local era = math.floor(z / 146097)
              local doe = z - era * 146097
              local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
              local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
              local mp = math.floor((5 * doy + 2) / 153)
              local day = doy - math.floor((153 * mp + 2) / 5) + 1
              local month = mp < 10 and mp + 3 or mp - 9
              local year = yoe + era * 400
              if month <= 2 then year = year + 1 end
              local text = string.format('%04d-%02d-%02dT%02d:%02d:%02d', year, month, day, math.floor(secs / 3600),
                math.floor(secs % 3600 / 60), secs % 60)
              if ms > s * 1000 then
                text = text .. string.format('.%03d', ms - s * 1000)
              end
              return text .. 'Z'
            end
            local events = (#ARGV - 5) / 7
            local length = redis.call('XLEN', KEYS[1])
            if length + events > tonumber(ARGV[1]) then
              return {'FULL', tostring(length)}
            end
            local replies = {}
            local record_key = 1
            for i = 0, events - 1 do
              local a = 6 + i * 7
              local source, fingerprint = ARGV[a + 1], ARGV[a + 2]
              local reply
              if ARGV[a] == '' then
                reply = {1, ARGV[2], ARGV[2], 1, 0, '0'}
              else
                record_key = record_key + 1
                reply = record(KEYS[record_key], ARGV[2], ARGV[a], source, fingerprint, ARGV[a + 3], ARGV[a + 4], ARGV[4])
              end
              if reply[1] == 1 then
                redis.call('XADD', KEYS[1], '*', 'observation', ARGV[a + 6], 'source', source,
                  'fingerprint', fingerprint, 'firstSeen', ARGV[3])
              elseif reply[6] ~= '0' then
                local hint = cjson.encode({namespace = ARGV[a + 5], dueAt = ARGV[5], lastSeen = iso(reply[3]),
                  count = reply[4]})
                redis.call('XADD', KEYS[1], '*', 'status', hint, 'source', source, 'fingerprint', fingerprint,
                  'firstSeen', iso(reply[2]))
              end
              replies[i + 1] = reply
            end
            return replies
            """);

    private final RedisConnector connector;
    private final RedisKeys keys;
    private final Clock clock;
    private final Duration statusInterval;
    private final long shardCapacity;
    private final ReplicaAcks acks;

    /**
     * @param shardCapacity the entries each shard's stream may hold before admission is refused
     * @param acks          how many replicas must hold a batch's writes before it counts as admitted
     */
    public RedisAdmissionStore(RedisConnector connector, Clock clock, Duration statusInterval, long shardCapacity,
                               ReplicaAcks acks) {
        if (statusInterval.isNegative() || statusInterval.isZero()) {
            throw new IllegalArgumentException("statusInterval must be positive, was " + statusInterval);
        }
        if (shardCapacity < 1) {
            throw new IllegalArgumentException("shardCapacity must be at least 1, was " + shardCapacity);
        }
        this.connector = connector;
        this.keys = connector.keys();
        this.clock = clock;
        this.statusInterval = statusInterval;
        this.shardCapacity = shardCapacity;
        this.acks = acks;
    }

    @Override
    public CompletionStage<List<DedupResult>> admitAsync(List<AdmissionRequest> batch) {
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        try {
            RedisClusterAsyncCommands<String, String> redis = connector.shared().async();
            long now = clock.millis();
            Map<Integer, List<Integer>> byShard = new TreeMap<>();
            for (int i = 0; i < batch.size(); i++) {
                AdmissionRequest request = batch.get(i);
                byShard.computeIfAbsent(keys.shard(request.source(), request.fingerprint()), s -> new ArrayList<>())
                        .add(i);
            }
            List<CompletableFuture<List<Object>>> calls = new ArrayList<>(byShard.size());
            for (Map.Entry<Integer, List<Integer>> shard : byShard.entrySet()) {
                calls.add(call(redis, shard.getKey(), shard.getValue().stream().map(batch::get).toList(), now)
                        .toCompletableFuture());
            }
            CompletionStage<List<DedupResult>> results = CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                    .thenApply(done -> results(batch, byShard, calls));
            if (acks.enabled()) {
                List<String> streams = byShard.keySet().stream().map(keys::observationStream).toList();
                results = results.thenCompose(admitted -> replicated(streams).thenApply(done -> admitted));
            }
            return RedisCalls.translated(results, "admission");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Completes once {@link #acks} replicas of every master written to hold the writes; fails otherwise. */
    private CompletionStage<Void> replicated(List<String> streams) {
        return connector.waitForReplicas(streams, acks.replicas(), acks.timeout()).thenAccept(reached -> {
            if (reached < acks.replicas()) {
                throw new ReplicasNotReachedException(reached, acks);
            }
        });
    }

    private CompletionStage<List<Object>> call(RedisClusterAsyncCommands<String, String> redis, int shard,
                                               List<AdmissionRequest> requests, long now) {
        long statusDue = now + statusInterval.toMillis();
        List<String> scriptKeys = new ArrayList<>();
        scriptKeys.add(keys.observationStream(shard));
        List<Object> args = new ArrayList<>(HEAD + requests.size() * PER_EVENT);
        args.addAll(List.of(Long.toString(shardCapacity), Long.toString(now), Instant.ofEpochMilli(now).toString(),
                Long.toString(statusDue), Instant.ofEpochMilli(statusDue).toString()));
        for (AdmissionRequest request : requests) {
            if (request.deduplicates()) {
                scriptKeys.add(keys.dedupRecord(request.source(), request.fingerprint()));
                // window, source, fingerprint, end of window, key lifetime
                args.addAll(DedupRecordLua.arguments(request.dedup(), now, statusInterval).subList(1, 6));
            } else {
                args.addAll(Arrays.asList("", request.source(), request.fingerprint(), "", ""));
            }
            args.add(request.observation().namespace());
            args.add(QueuedObservationCodec.observationUtf8(request.observation()));
        }
        return ADMIT.runWithBytes(redis, scriptKeys.toArray(String[]::new), args);
    }

    private List<DedupResult> results(List<AdmissionRequest> batch, Map<Integer, List<Integer>> byShard,
                                      List<CompletableFuture<List<Object>>> calls) {
        DedupResult[] results = new DedupResult[batch.size()];
        int call = 0;
        for (List<Integer> positions : byShard.values()) {
            List<Object> replies = calls.get(call++).join();
            if ("FULL".equals(replies.get(0))) {
                throw new QueueFullException(Long.parseLong((String) replies.get(1)), positions.size(), shardCapacity);
            }
            for (int i = 0; i < positions.size(); i++) {
                AdmissionRequest request = batch.get(positions.get(i));
                if (request.deduplicates()) {
                    results[positions.get(i)] = DedupRecordLua.result(request.dedup(), (List<?>) replies.get(i));
                }
            }
        }
        return Arrays.asList(results);
    }

    /** The admission script, for the benchmark's measure of what Redis alone answers of it. */
    public static String script() {
        return ADMIT.body();
    }
}
