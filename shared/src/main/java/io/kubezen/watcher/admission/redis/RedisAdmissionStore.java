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
import io.kubezen.watcher.redis.RedisMode;
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
import java.util.concurrent.atomic.LongAdder;

/**
 * Admission as Lua script calls: an event's dedup record and its shard's stream share a hash tag
 * ({@link RedisKeys#dedupRecord}, {@link RedisKeys#observationStream}), so the script records each event and appends
 * what follows from it to its shard's stream, atomically, also on Redis Cluster. Calls go through group commit
 * ({@link GroupCommitter}): on standalone and Sentinel one committer for every shard, so one call carries the parts of
 * every shard that concurrent batches touch; on Cluster, whose scripts may only touch keys of one slot, one committer
 * per shard. A batch submits all its parts before waiting for any, so it costs about one round trip. An event that
 * {@link RecentRecords} expects to be a repeat goes without its Observation, which a repeat does not use; if it was
 * not one, the script leaves it untouched and it goes again with it. With {@link ReplicaAcks} on, the store then
 * sends {@code WAIT} to each master it wrote to. See {@code DESIGN.md} in the {@code admission} package.
 */
public final class RedisAdmissionStore implements AdmissionStore {

    /** admit.lua's ARGV per request before its events': event count, now as 13-digit epoch ms and as ISO-8601. */
    private static final int REQUEST_HEAD = 3;
    /**
     * ARGV per event: end of window ('' without dedup), key lifetime ('' without dedup), namespace (escaped as JSON
     * string content, so that it holds no line break, which separates a status entry's lines), the Observation's JSON
     * ('' for an expected repeat). Its source and fingerprint travel in its record key, which every event has.
     */
    private static final int PER_EVENT = 4;

    /**
     * How many records' window ends {@link RecentRecords} keeps, at 16 bytes each: 4 MB. Each miss sends Redis an
     * Observation to intern and store for nothing (a 1.6 KB one costs Redis about 7 µs). With 65,536 direct-mapped
     * slots about 10 % of the benchmarks' repeats went with their Observation; these sets of two keep more than 99 in
     * 100 of twice the benchmarks' working set of 10,000 records.
     */
    static final int RECENT_RECORDS = 262_144;
    /** The observation argument of an event expected to be a repeat, which needs none. */
    private static final byte[] NO_OBSERVATION = new byte[0];
    /** admit.lua's answer for an event sent without its Observation that was not a repeat, and was left untouched. */
    private static final String SEND = "SEND";
    /** admit.lua's answer, then the stream's length, for each event of a request its shard had no room for. */
    private static final String FULL = "FULL ";

    private static final RedisScript ADMIT = DedupRecordLua.withRecord(RedisAdmissionStore.class, "admit.lua");

    private final RedisConnector connector;
    private final RedisKeys keys;
    private final Clock clock;
    private final Duration statusInterval;
    private final long shardCapacity;
    private final ReplicaAcks acks;
    /** The committer of each shard: one shared by all on a single master, one each on Cluster. */
    private final GroupCommitter[] committers;
    /** Each shard's stream and status stream, named once rather than for every part. */
    private final String[] streams;
    private final String[] statusStreams;
    private final RecentRecords recent = new RecentRecords(RECENT_RECORDS);
    /** Events sent without their Observation that Redis sent back: their record was gone or its window had ended. */
    private final LongAdder resent = new LongAdder();
    /** Immutable, so that a request reads one millisecond's texts together, whichever thread wrote them. */
    private volatile RequestTime lastRequestTime = new RequestTime(Long.MIN_VALUE, "", "");

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
        this.committers = new GroupCommitter[keys.shards()];
        this.streams = new String[keys.shards()];
        this.statusStreams = new String[keys.shards()];
        boolean cluster = connector.options().mode() == RedisMode.CLUSTER;
        for (int shard = 0; shard < committers.length; shard++) {
            committers[shard] = cluster || shard == 0 ? new GroupCommitter(
                    List.of(Long.toString(shardCapacity), Long.toString(statusInterval.toMillis())),
                    (scriptKeys, args) -> ADMIT.runWithBytes(connector.shared().async(), scriptKeys, args))
                    : committers[0];
            streams[shard] = keys.observationStream(shard);
            statusStreams[shard] = keys.statusStream(shard);
        }
    }

    @Override
    public CompletionStage<List<DedupResult>> admitAsync(List<AdmissionRequest> batch) {
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        try {
            CompletionStage<List<DedupResult>> results = admit(batch, clock.millis(), true);
            if (acks.enabled()) {
                // A re-sent event goes to the shard it went to first, so these are all the streams written to.
                List<String> written = batch.stream().map(request -> keys.shard(request.source(), request.fingerprint()))
                        .distinct().map(shard -> streams[shard]).toList();
                results = results.thenCompose(admitted -> replicated(written).thenApply(done -> admitted));
            }
            return RedisCalls.translated(results, "admission");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * One part per shard the batch touches, all submitted before waiting for any. With {@code hinted}, an event that
     * {@link #recent} expects to be a repeat goes without its Observation; those the script answers {@code SEND} for
     * (not a repeat after all, and untouched) go again, with it, at the same time {@code now}, before the batch
     * completes.
     */
    private CompletionStage<List<DedupResult>> admit(List<AdmissionRequest> batch, long now, boolean hinted) {
        Map<Integer, List<Integer>> byShard = new TreeMap<>();
        String[] recordKeys = new String[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            AdmissionRequest request = batch.get(i);
            int shard = keys.shard(request.source(), request.fingerprint());
            byShard.computeIfAbsent(shard, s -> new ArrayList<>()).add(i);
            recordKeys[i] = keys.dedupRecord(shard, request.source(), request.fingerprint());
        }
        List<CompletableFuture<List<Object>>> calls = new ArrayList<>(byShard.size());
        // The parts of one committer go in one submission, so they wait together: on a single master, all of them.
        GroupCommitter committer = null;
        List<GroupCommitter.Part> parts = new ArrayList<>(byShard.size());
        for (Map.Entry<Integer, List<Integer>> shard : byShard.entrySet()) {
            GroupCommitter next = committers[shard.getKey()];
            if (next != committer && !parts.isEmpty()) {
                calls.addAll(committer.submit(parts));
                parts = new ArrayList<>(byShard.size());
            }
            committer = next;
            parts.add(part(batch, recordKeys, shard.getKey(), shard.getValue(), now, hinted));
        }
        calls.addAll(committer.submit(parts));
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .thenCompose(done -> results(batch, recordKeys, byShard, calls, now));
    }

    /** Completes once {@link #acks} replicas of every master written to hold the writes; fails otherwise. */
    private CompletionStage<Void> replicated(List<String> streams) {
        return connector.waitForReplicas(streams, acks.replicas(), acks.timeout()).thenAccept(reached -> {
            if (reached < acks.replicas()) {
                throw new ReplicasNotReachedException(reached, acks);
            }
        });
    }

    /**
     * Events this store sent without their Observation, expecting a repeat, that it had to send again with it. A
     * few are expected (records evicted or forgotten, windows ending); a rate close to that of repeats says the
     * hints are mostly wrong, e.g. when other processes keep shortening the window.
     */
    public long resentEvents() {
        return resent.sum();
    }

    /**
     * The request head's texts of {@code now}. Under load many requests share a millisecond, and formatting an
     * {@link Instant} was a few percent of what a Falco request allocated.
     */
    private RequestTime requestTime(long now) {
        RequestTime last = lastRequestTime;
        if (last.millis() != now) {
            last = new RequestTime(now, DedupRecordLua.epochMillis(now), Instant.ofEpochMilli(now).toString());
            lastRequestTime = last;
        }
        return last;
    }

    /** The requests of one shard as admit.lua takes them: their record keys, then REQUEST_HEAD and PER_EVENT. */
    private GroupCommitter.Part part(List<AdmissionRequest> batch, String[] recordKeys, int shard,
                                     List<Integer> positions, long now, boolean hinted) {
        List<String> shardKeys = new ArrayList<>(positions.size());
        List<Object> args = new ArrayList<>(REQUEST_HEAD + positions.size() * PER_EVENT);
        RequestTime time = requestTime(now);
        args.add(Integer.toString(positions.size()));
        args.add(time.epochMillis());
        args.add(time.iso());
        for (int position : positions) {
            AdmissionRequest request = batch.get(position);
            String recordKey = recordKeys[position];
            shardKeys.add(recordKey);
            if (request.deduplicates()) {
                args.add(DedupRecordLua.windowEnds(request.window(), now));
                args.add(DedupRecordLua.lifetime(request.window(), statusInterval));
            } else {
                args.add("");
                args.add("");
            }
            args.add(QueuedObservationCodec.jsonStringContent(request.observation().namespace()));
            args.add(hinted && request.deduplicates() && recent.inWindow(recordKey, now)
                    ? NO_OBSERVATION : QueuedObservationCodec.observationUtf8(request.observation()));
        }
        return new GroupCommitter.Part(streams[shard], statusStreams[shard], positions.size(), shardKeys, args);
    }

    /**
     * Reads the calls' answers into one result per request and notes each record's window end in {@link #recent};
     * completes once the events answered {@code SEND} were sent again and decided.
     */
    private CompletionStage<List<DedupResult>> results(List<AdmissionRequest> batch, String[] recordKeys,
                                                       Map<Integer, List<Integer>> byShard,
                                                       List<CompletableFuture<List<Object>>> calls, long now) {
        DedupResult[] results = new DedupResult[batch.size()];
        List<Integer> again = new ArrayList<>();
        int call = 0;
        for (List<Integer> positions : byShard.values()) {
            List<Object> replies = calls.get(call++).join();
            if (replies.get(0) instanceof String first && first.startsWith(FULL)) {
                throw new QueueFullException(Long.parseLong(first.substring(FULL.length())), positions.size(),
                        shardCapacity);
            }
            for (int i = 0; i < positions.size(); i++) {
                int position = positions.get(i);
                AdmissionRequest request = batch.get(position);
                if (SEND.equals(replies.get(i))) {
                    again.add(position);
                } else if (request.deduplicates()) {
                    DedupResult result = DedupRecordLua.result(request.dedup(), replies.get(i), now);
                    recent.remember(recordKeys[position], now + result.record().ttlLeft().toMillis());
                    results[position] = result;
                }
            }
        }
        resent.add(again.size());
        if (again.isEmpty()) {
            return CompletableFuture.completedFuture(Arrays.asList(results));
        }
        return admit(again.stream().map(batch::get).toList(), now, false).thenApply(decided -> {
            for (int i = 0; i < again.size(); i++) {
                results[again.get(i)] = decided.get(i);
            }
            return Arrays.asList(results);
        });
    }

    private record RequestTime(long millis, String epochMillis, String iso) {
    }
}
