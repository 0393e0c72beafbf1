package io.kubezen.watcher.queue.redis;

import io.kubezen.watcher.queue.DeadLetterCodec;
import io.kubezen.watcher.queue.DeadLetters;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueueFullException;
import io.kubezen.watcher.queue.QueueItem;
import io.kubezen.watcher.queue.QueueStats;
import io.kubezen.watcher.queue.StatusHint;
import io.kubezen.watcher.queue.QueuedObservationCodec;
import io.kubezen.watcher.queue.ShardedEventQueue;
import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.redis.RedisConnection;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisKeys;
import io.kubezen.watcher.redis.RedisScript;
import io.lettuce.core.Consumer;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One shard of the queue as a Redis Stream ({@link RedisKeys#observationStream}) read through consumer groups, with
 * the shard's status stream ({@link RedisKeys#statusStream}) beside it. Appends, acks and claims are scripts on a
 * single key; dead-lettering is a script on a stream and the shard's dead-letter stream, which share a hash slot. So
 * each is atomic and Cluster-safe. {@link #sharded} puts the shards together as the one queue the writers read. See
 * {@code DESIGN.md} in the {@code queue} package for why a full stream refuses appends instead of trimming.
 *
 * <p>An entry of the status stream holds several status updates ({@link StatusUpdates}); it is delivered as one entry
 * per update, with the fields {@link QueuedObservationCodec} writes for it and the id {@code u<entry id>.<index>}.
 * The status stream entry is acknowledged once each of its updates was acknowledged or dead-lettered (each update as
 * a dead letter of its own); until then it stays pending, and delivered again after a crash, all of its updates with
 * it. This instance keeps which updates of the entries it delivered are still open.
 */
public final class RedisEventQueue implements EventQueue, AutoCloseable {

    public static final long DEFAULT_CAPACITY = 1_000_000;

    private static final RedisScript APPEND = RedisScript.resource(RedisEventQueue.class, "append.lua");
    private static final RedisScript ACK = RedisScript.resource(RedisEventQueue.class, "ack.lua");
    private static final RedisScript CLAIM = RedisScript.resource(RedisEventQueue.class, "claim.lua");
    private static final RedisScript DEAD_LETTER = RedisScript.resource(RedisEventQueue.class, "dead-letter.lua");

    /** XAUTOCLAIM's first cursor, and the one it answers when it has looked at every pending entry. */
    private static final String CLAIM_START = "0-0";
    private static final int FIELDS_PER_ENTRY = 4;
    /** Lua unpacks ids onto its stack, which holds a few thousand values; acks go in chunks well below that. */
    private static final int ACK_CHUNK = 1_000;

    /** The shard name of the single stream of earlier versions, after its hash tag. */
    private static final String LEGACY = "stream";
    /** What the id of a status update starts with, before the id of its status stream entry. */
    private static final String UPDATE = "u";
    /** Status stream entries whose open updates are kept, about a hundred bytes each with the id. */
    private static final int OPEN_ENTRIES = 100_000;

    private final RedisConnector connector;
    private final String stream;
    /** The shard's status stream; null for the single stream of earlier versions, which has none. */
    private final String statusStream;
    private final String deadLetterStream;
    private final long capacity;
    private final boolean drainOnly;
    private final boolean recreatesGroup;
    private final RedisDeadLetters deadLetters;
    private final Object readLock = new Object();
    private RedisConnection readConnection;
    /**
     * Per status stream entry delivered here, the indexes of its updates not yet acknowledged or dead-lettered. An
     * entry another writer claimed and finished stays here, so the oldest go beyond {@link #OPEN_ENTRIES}: should one
     * of them still be open here, its entry is never acknowledged by this writer, and the claim delivers all its
     * updates again.
     */
    private final Map<String, BitSet> openUpdates = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BitSet> eldest) {
            return size() > OPEN_ENTRIES;
        }
    };

    private RedisEventQueue(RedisConnector connector, String stream, String statusStream, String deadLetterStream,
                            long capacity, boolean drainOnly, boolean recreatesGroup) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.connector = connector;
        this.stream = stream;
        this.statusStream = statusStream;
        this.deadLetterStream = deadLetterStream;
        this.capacity = capacity;
        this.drainOnly = drainOnly;
        this.recreatesGroup = recreatesGroup;
        this.deadLetters = new RedisDeadLetters(connector, stream, deadLetterStream, capacity);
    }

    /**
     * Shard {@code shard} of the queue, holding up to {@code capacity} entries. Reading it for a group that does not
     * exist fails, as the {@link EventQueue} contract says.
     */
    public static RedisEventQueue shard(RedisConnector connector, int shard, long capacity) {
        return shard(connector, shard, capacity, false);
    }

    private static RedisEventQueue shard(RedisConnector connector, int shard, long capacity, boolean recreatesGroup) {
        RedisKeys keys = connector.keys();
        return new RedisEventQueue(connector, keys.observationStream(shard), keys.statusStream(shard),
                keys.deadLetterStream(shard), capacity, false, recreatesGroup);
    }

    /**
     * The single stream of versions before the queue had shards, to drain: its group is created only when the
     * stream exists, so a new install does not get an empty one, and reading it before then finds nothing.
     */
    public static RedisEventQueue legacy(RedisConnector connector, long capacity) {
        RedisKeys keys = connector.keys();
        return new RedisEventQueue(connector, keys.legacyObservationStream(), null, keys.legacyDeadLetterStream(),
                capacity, true, true);
    }

    /**
     * Every shard, named {@code s0}, {@code s1}, … after its hash tag, and the stream of earlier versions, named
     * {@code stream}, as one queue. The capacity is shared evenly: events spread evenly over the shards by hash.
     * A shard whose group is lost (see {@link #groupLost}) gets it again, so a writer outlives a Redis that lost a
     * stream instead of failing every read of it.
     */
    public static ShardedEventQueue sharded(RedisConnector connector, long capacity) {
        RedisKeys keys = connector.keys();
        long perShard = shardCapacity(capacity, keys.shards());
        List<ShardedEventQueue.Shard> shards = new ArrayList<>();
        for (int shard = 0; shard < keys.shards(); shard++) {
            shards.add(new ShardedEventQueue.Shard("s" + shard, shard(connector, shard, perShard, true)));
        }
        shards.add(new ShardedEventQueue.Shard(LEGACY, legacy(connector, perShard)));
        return new ShardedEventQueue(shards, item -> keys.shard(item.source(), item.fingerprint()));
    }

    /** What each shard may hold so that all of them together hold about {@code capacity}. */
    public static long shardCapacity(long capacity, int shards) {
        return (capacity + shards - 1) / shards;
    }

    @Override
    public List<String> append(List<? extends QueueItem> batch) {
        return RedisCalls.await(appendAsync(batch), "queue append");
    }

    @Override
    public CompletionStage<List<String>> appendAsync(List<? extends QueueItem> batch) {
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        try {
            List<Object> args = new ArrayList<>(2 + batch.size() * FIELDS_PER_ENTRY * 2);
            args.add(Long.toString(capacity));
            args.add(Integer.toString(FIELDS_PER_ENTRY * 2));
            for (QueueItem entry : batch) {
                QueuedObservationCodec.encodeUtf8(entry).forEach((field, value) -> {
                    args.add(field);
                    args.add(value);
                });
            }
            CompletionStage<List<Object>> reply = APPEND.runWithBytes(connector.shared().async(),
                    new String[] {stream}, args);
            return RedisCalls.translated(reply.thenApply(ids -> appended(ids, batch.size())), "queue append");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private List<String> appended(List<Object> reply, int entries) {
        if ("FULL".equals(reply.get(0))) {
            throw new QueueFullException(Long.parseLong((String) reply.get(1)), entries, capacity);
        }
        return reply.stream().map(String.class::cast).toList();
    }

    @Override
    public void ensureGroup(String group) {
        ensureGroup(stream, group);
        if (statusStream != null) {
            ensureGroup(statusStream, group);
        }
    }

    private void ensureGroup(String key, String group) {
        CompletionStage<String> create = connector.shared().async()
                .xgroupCreate(XReadArgs.StreamOffset.from(key, "0-0"), group,
                        XGroupCreateArgs.Builder.mkstream(!drainOnly))
                .exceptionallyCompose(failure -> RedisCalls.isServerError(failure, "BUSYGROUP")
                        || drainOnly && RedisCalls.isServerError(failure, "ERR The XGROUP subcommand requires the key")
                        ? CompletableFuture.completedFuture("OK")
                        : CompletableFuture.failedFuture(failure));
        RedisCalls.await(create, "queue group create");
    }

    /**
     * Reads the stream and the status stream in one XREADGROUP, up to {@code count} entries of each, and delivers each
     * status update as an entry of its own: a status stream entry brings all of its updates, so more than
     * {@code count} entries can come back. Uses a connection of its own: a blocking XREADGROUP would hold up every
     * command on the shared one. The connector times it out after the block time plus the command timeout.
     */
    @Override
    public List<QueueEntry> read(String group, String consumer, int count, Duration block) {
        try {
            return readNew(group, consumer, count, block);
        } catch (IllegalStateException e) {
            return groupLost(e, group);
        }
    }

    private List<QueueEntry> readNew(String group, String consumer, int count, Duration block) {
        XReadArgs args = XReadArgs.Builder.count(count);
        if (!block.isZero()) {
            args.block(block);
        }
        synchronized (readLock) {
            if (readConnection == null) {
                readConnection = connector.connect();
            }
            @SuppressWarnings("unchecked")
            XReadArgs.StreamOffset<String>[] offsets = statusStream == null
                    ? new XReadArgs.StreamOffset[] {XReadArgs.StreamOffset.lastConsumed(stream)}
                    : new XReadArgs.StreamOffset[] {XReadArgs.StreamOffset.lastConsumed(stream),
                            XReadArgs.StreamOffset.lastConsumed(statusStream)};
            List<StreamMessage<String, String>> messages = RedisCalls.await(readConnection.async().xreadgroup(
                    Consumer.from(group, consumer), args, offsets), "queue read");
            // An entry XREADGROUP delivers with '>' was never delivered before, so this is its first delivery.
            List<QueueEntry> entries = new ArrayList<>(messages.size());
            for (StreamMessage<String, String> message : messages) {
                if (message.getStream().equals(stream)) {
                    entries.add(new QueueEntry(message.getId(), message.getBody(), 1));
                } else {
                    entries.addAll(updates(message.getId(), message.getBody(), 1));
                }
            }
            return entries;
        }
    }

    /**
     * The updates of a status stream entry as entries of their own. An entry that cannot be read is delivered as
     * one update with its fields as stored, which the writer cannot decode either and so dead-letters as it is.
     */
    private List<QueueEntry> updates(String id, Map<String, String> fields, int deliveries) {
        List<QueueEntry> updates = new ArrayList<>();
        try {
            List<StatusHint> hints = StatusUpdates.parse(fields, connector.keys());
            for (int i = 0; i < hints.size(); i++) {
                updates.add(new QueueEntry(UPDATE + id + "." + i, QueuedObservationCodec.encode(hints.get(i)),
                        deliveries));
            }
        } catch (IllegalArgumentException e) {
            updates = List.of(new QueueEntry(UPDATE + id + ".0", fields, deliveries));
        }
        synchronized (openUpdates) {
            // Delivered again (claimed), an entry keeps what was done of it here before.
            BitSet open = openUpdates.computeIfAbsent(id, entry -> new BitSet());
            if (open.isEmpty()) {
                open.set(0, updates.size());
            }
        }
        return updates;
    }

    /**
     * Marks a delivered status update done; returns false when it was not open. Adds the id of its status stream
     * entry to {@code finished} when that was its last open update.
     */
    private boolean finish(String updateId, List<String> finished) {
        String id = statusEntryId(updateId);
        int index = Integer.parseInt(updateId.substring(updateId.lastIndexOf('.') + 1));
        synchronized (openUpdates) {
            BitSet open = openUpdates.get(id);
            if (open == null || !open.get(index)) {
                return false;
            }
            open.clear(index);
            if (open.isEmpty()) {
                openUpdates.remove(id);
                finished.add(id);
            }
            return true;
        }
    }

    /** The id of the status stream entry that a status update's id ({@code u<entry id>.<index>}) names. */
    private static String statusEntryId(String updateId) {
        return updateId.substring(UPDATE.length(), updateId.lastIndexOf('.'));
    }

    /** Pages through the pending list with XAUTOCLAIM's cursor until it has {@code count} entries or saw them all. */
    @Override
    public List<QueueEntry> claimIdle(String group, String consumer, Duration minIdle, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        try {
            return claim(group, consumer, minIdle, count);
        } catch (IllegalStateException e) {
            return groupLost(e, group);
        }
    }

    /**
     * The group is gone, or was never there: the stream of earlier versions appeared after the writer started (an
     * ingester of that version queued into it during a rolling upgrade), or the stream went with a Redis that lost
     * its data or was replaced by a replica that had not received it. The group is created again, at the start of
     * whatever the stream holds now, and the next read finds the entries; until then there is nothing to deliver.
     */
    private List<QueueEntry> groupLost(IllegalStateException failure, String group) {
        if (!recreatesGroup || !String.valueOf(failure.getMessage()).contains("NOGROUP")) {
            throw failure;
        }
        ensureGroup(group);
        return List.of();
    }

    /**
     * The stream's idle entries first, then the status stream's, up to {@code count} stream entries in all; each status
     * stream entry comes back as all of its updates, so more than {@code count} entries can come back.
     */
    private List<QueueEntry> claim(String group, String consumer, Duration minIdle, int count) {
        List<QueueEntry> claimed = claim(stream, group, consumer, minIdle, count);
        if (statusStream != null && claimed.size() < count) {
            for (QueueEntry entry : claim(statusStream, group, consumer, minIdle, count - claimed.size())) {
                claimed.addAll(updates(entry.id(), entry.fields(), entry.deliveries()));
            }
        }
        return claimed;
    }

    private List<QueueEntry> claim(String key, String group, String consumer, Duration minIdle, int count) {
        List<QueueEntry> claimed = new ArrayList<>();
        String cursor = CLAIM_START;
        do {
            List<Object> reply = RedisCalls.await(CLAIM.run(connector.shared().async(), ScriptOutputType.MULTI,
                    new String[] {key}, group, consumer, Long.toString(minIdle.toMillis()), cursor,
                    Integer.toString(count - claimed.size())), "queue claim");
            cursor = ClaimReply.cursor(reply);
            claimed.addAll(ClaimReply.entries(reply));
        } while (claimed.size() < count && !CLAIM_START.equals(cursor));
        return claimed;
    }

    /** A status update is acknowledged here; its status stream entry in Redis once all its updates are. */
    @Override
    public long ack(String group, List<String> ids) {
        List<String> entries = new ArrayList<>(ids.size());
        List<String> finished = new ArrayList<>();
        long updates = 0;
        for (String id : ids) {
            if (id.startsWith(UPDATE)) {
                updates += finish(id, finished) ? 1 : 0;
            } else {
                entries.add(id);
            }
        }
        ack(statusStream, group, finished);
        return ack(stream, group, entries) + updates;
    }

    private long ack(String key, String group, List<String> ids) {
        List<CompletionStage<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += ACK_CHUNK) {
            List<String> args = new ArrayList<>();
            args.add(group);
            args.addAll(ids.subList(from, Math.min(ids.size(), from + ACK_CHUNK)));
            chunks.add(ACK.run(connector.shared().async(), ScriptOutputType.INTEGER,
                    new String[] {key}, args.toArray(String[]::new)));
        }
        return RedisCalls.awaitAll(chunks, "queue ack").stream().mapToLong(Long::longValue).sum();
    }

    /**
     * A status update becomes a dead letter of its own, with the fields it was delivered with; its status stream
     * entry stays pending until its other updates are done, and is acknowledged with the last of them.
     */
    @Override
    public boolean deadLetter(String group, QueueEntry entry, String reason, String detail, int attempts) {
        boolean update = entry.id().startsWith(UPDATE);
        List<String> args = new ArrayList<>();
        args.add(group);
        args.add(update ? statusEntryId(entry.id()) : entry.id());
        args.add(update ? "0" : "1");
        DeadLetterCodec.encode(entry, reason, detail, attempts).forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        Long moved = RedisCalls.await(DEAD_LETTER.run(connector.shared().async(), ScriptOutputType.INTEGER,
                new String[] {update ? statusStream : stream, deadLetterStream}, args.toArray(String[]::new)),
                "queue dead-letter");
        if (moved == 1 && update) {
            ack(group, List.of(entry.id()));
        }
        return moved == 1;
    }

    @Override
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    /** The stream and the status stream together; an entry of the status stream counts once, whatever it holds. */
    @Override
    public QueueStats stats(String group) {
        CompletionStage<Long> dead = connector.shared().async().xlen(deadLetterStream);
        QueueStats stats = stats(stream, group, RedisCalls.await(dead, "queue stats"));
        return statusStream == null ? stats : stats.plus(stats(statusStream, group, 0));
    }

    private QueueStats stats(String key, String group, long deadLetters) {
        RedisClusterAsyncCommands<String, String> redis = connector.shared().async();
        CompletionStage<Long> length = redis.xlen(key);
        CompletionStage<List<Object>> groups = redis.xinfoGroups(key).exceptionallyCompose(failure ->
                RedisCalls.isServerError(failure, "ERR no such key")
                        ? CompletableFuture.completedFuture(List.of())
                        : CompletableFuture.failedFuture(failure));
        return StreamGroups.stats(RedisCalls.await(length, "queue stats"), RedisCalls.await(groups, "queue stats"), group,
                deadLetters);
    }

    @Override
    public void close() {
        synchronized (readLock) {
            if (readConnection != null) {
                readConnection.close();
            }
        }
    }
}
