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
 * touches before waiting for any, so it costs about one round trip; concurrent batches share a shard's call
 * ({@link ShardCommitter}). With {@link ReplicaAcks} on, it then sends {@code WAIT} to each master it wrote to. See
 * {@code DESIGN.md} in the {@code admission} package.
 */
public final class RedisAdmissionStore implements AdmissionStore {

    /** admit.lua's ARGV per request before its events': event count, now ms and ISO-8601, status due ms and ISO-8601. */
    private static final int REQUEST_HEAD = 5;
    /** ARGV per event: window ms ('' without dedup), source, fingerprint, end of window, key lifetime, namespace, JSON. */
    private static final int PER_EVENT = 7;

    private static final RedisScript ADMIT = DedupRecordLua.withRecord(RedisAdmissionStore.class, "admit.lua");

    private final RedisConnector connector;
    private final RedisKeys keys;
    private final Clock clock;
    private final Duration statusInterval;
    private final long shardCapacity;
    private final ReplicaAcks acks;
    private final ShardCommitter[] shards;

    /** The one script an admission batch costs Redis, for tools that measure Redis's own ceiling for admission. */
    public static RedisScript admissionScript() {
        return ADMIT;
    }

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
        this.shards = new ShardCommitter[keys.shards()];
        for (int shard = 0; shard < shards.length; shard++) {
            shards[shard] = new ShardCommitter(keys.observationStream(shard), shardCapacity,
                    (scriptKeys, args) -> ADMIT.runWithBytes(connector.shared().async(), scriptKeys, args));
        }
    }

    @Override
    public CompletionStage<List<DedupResult>> admitAsync(List<AdmissionRequest> batch) {
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        try {
            long now = clock.millis();
            Map<Integer, List<Integer>> byShard = new TreeMap<>();
            for (int i = 0; i < batch.size(); i++) {
                AdmissionRequest request = batch.get(i);
                byShard.computeIfAbsent(keys.shard(request.source(), request.fingerprint()), s -> new ArrayList<>())
                        .add(i);
            }
            List<CompletableFuture<Object>> calls = new ArrayList<>(byShard.size());
            for (Map.Entry<Integer, List<Integer>> shard : byShard.entrySet()) {
                calls.add(shards[shard.getKey()].submit(part(shard.getValue().stream().map(batch::get).toList(), now))
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

    /** The requests of one shard as admit.lua takes them: their records' keys, then REQUEST_HEAD and PER_EVENT. */
    private ShardCommitter.Part part(List<AdmissionRequest> requests, long now) {
        long statusDue = now + statusInterval.toMillis();
        List<String> recordKeys = new ArrayList<>();
        List<Object> args = new ArrayList<>(REQUEST_HEAD + requests.size() * PER_EVENT);
        args.addAll(List.of(Integer.toString(requests.size()), Long.toString(now), Instant.ofEpochMilli(now).toString(),
                Long.toString(statusDue), Instant.ofEpochMilli(statusDue).toString()));
        for (AdmissionRequest request : requests) {
            if (request.deduplicates()) {
                recordKeys.add(keys.dedupRecord(request.source(), request.fingerprint()));
                // window, source, fingerprint, end of window, key lifetime
                args.addAll(DedupRecordLua.arguments(request.dedup(), now, statusInterval).subList(1, 6));
            } else {
                args.addAll(Arrays.asList("", request.source(), request.fingerprint(), "", ""));
            }
            args.add(request.observation().namespace());
            args.add(QueuedObservationCodec.observationUtf8(request.observation()));
        }
        return new ShardCommitter.Part(requests.size(), recordKeys, args);
    }

    private List<DedupResult> results(List<AdmissionRequest> batch, Map<Integer, List<Integer>> byShard,
                                      List<CompletableFuture<Object>> calls) {
        DedupResult[] results = new DedupResult[batch.size()];
        int call = 0;
        for (List<Integer> positions : byShard.values()) {
            List<?> replies = (List<?>) calls.get(call++).join();
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
}
