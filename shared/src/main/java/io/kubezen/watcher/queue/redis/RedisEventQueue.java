package io.kubezen.watcher.queue.redis;

import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueueFullException;
import io.kubezen.watcher.queue.QueueStats;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.QueuedObservationCodec;
import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisKeys;
import io.kubezen.watcher.redis.RedisScript;
import io.lettuce.core.Consumer;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The queue as a Redis Stream ({@link RedisKeys#observationStream}) read through consumer groups. Appends
 * and acks are scripts on that single key, so each is atomic and Cluster-safe. See {@code DESIGN.md} in the
 * {@code queue} package for why a full stream refuses appends instead of trimming.
 */
public final class RedisEventQueue implements EventQueue, AutoCloseable {

    public static final long DEFAULT_CAPACITY = 1_000_000;

    /**
     * KEYS[1] stream; ARGV capacity, fields per entry, then every entry's field/value pairs.
     * Returns the new ids, or {'FULL', length} without appending anything.
     */
    private static final RedisScript APPEND = new RedisScript("""
            local width = tonumber(ARGV[2])
            local count = (#ARGV - 2) / width
            local length = redis.call('XLEN', KEYS[1])
            if length + count > tonumber(ARGV[1]) then
              return {'FULL', tostring(length)}
            end
            local ids = {}
            for i = 0, count - 1 do
              local from = 3 + i * width
              ids[i + 1] = redis.call('XADD', KEYS[1], '*', unpack(ARGV, from, from + width - 1))
            end
            return ids
            """);

    /** KEYS[1] stream; ARGV group, then ids. Acknowledges and deletes, so the stream holds only unfinished work. */
    private static final RedisScript ACK = new RedisScript("""
            local acked = redis.call('XACK', KEYS[1], ARGV[1], unpack(ARGV, 2))
            redis.call('XDEL', KEYS[1], unpack(ARGV, 2))
            return acked
            """);

    private static final int FIELDS_PER_ENTRY = 4;
    /** Lua unpacks ids onto its stack, which holds a few thousand values; acks go in chunks well below that. */
    private static final int ACK_CHUNK = 1_000;

    private final RedisConnector connector;
    private final String stream;
    private final long capacity;
    private final Object readLock = new Object();
    private StatefulRedisConnection<String, String> readConnection;

    public RedisEventQueue(RedisConnector connector, long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.connector = connector;
        this.stream = connector.keys().observationStream();
        this.capacity = capacity;
    }

    @Override
    public List<String> append(List<QueuedObservation> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(2 + batch.size() * FIELDS_PER_ENTRY * 2);
        args.add(Long.toString(capacity));
        args.add(Integer.toString(FIELDS_PER_ENTRY * 2));
        for (QueuedObservation entry : batch) {
            QueuedObservationCodec.encode(entry).forEach((field, value) -> {
                args.add(field);
                args.add(value);
            });
        }
        List<Object> reply = RedisCalls.await(APPEND.run(connector.shared().async(), ScriptOutputType.MULTI,
                new String[] {stream}, args.toArray(String[]::new)), "queue append");
        if ("FULL".equals(reply.get(0))) {
            throw new QueueFullException(Long.parseLong((String) reply.get(1)), batch.size(), capacity);
        }
        return reply.stream().map(String.class::cast).toList();
    }

    @Override
    public void ensureGroup(String group) {
        CompletionStage<String> create = connector.shared().async()
                .xgroupCreate(XReadArgs.StreamOffset.from(stream, "0-0"), group, XGroupCreateArgs.Builder.mkstream(true))
                .exceptionallyCompose(failure -> RedisCalls.isServerError(failure, "BUSYGROUP")
                        ? CompletableFuture.completedFuture("OK")
                        : CompletableFuture.failedFuture(failure));
        RedisCalls.await(create, "queue group create");
    }

    /** Uses a connection of its own: a blocking XREADGROUP would hold up every command on the shared one. */
    @Override
    public List<QueueEntry> read(String group, String consumer, int count, Duration block) {
        XReadArgs args = XReadArgs.Builder.count(count);
        if (!block.isZero()) {
            args.block(block);
        }
        synchronized (readLock) {
            if (readConnection == null) {
                readConnection = connector.connect();
            }
            readConnection.setTimeout(block.plus(connector.options().commandTimeout()));
            List<StreamMessage<String, String>> messages = RedisCalls.await(readConnection.async().xreadgroup(
                    Consumer.from(group, consumer), args, XReadArgs.StreamOffset.lastConsumed(stream)), "queue read");
            return messages.stream().map(message -> new QueueEntry(message.getId(), message.getBody())).toList();
        }
    }

    @Override
    public long ack(String group, List<String> ids) {
        List<CompletionStage<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += ACK_CHUNK) {
            List<String> args = new ArrayList<>();
            args.add(group);
            args.addAll(ids.subList(from, Math.min(ids.size(), from + ACK_CHUNK)));
            chunks.add(ACK.run(connector.shared().async(), ScriptOutputType.INTEGER,
                    new String[] {stream}, args.toArray(String[]::new)));
        }
        return RedisCalls.awaitAll(chunks, "queue ack").stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public QueueStats stats(String group) {
        RedisAsyncCommands<String, String> redis = connector.shared().async();
        CompletionStage<Long> length = redis.xlen(stream);
        CompletionStage<List<Object>> groups = redis.xinfoGroups(stream).exceptionallyCompose(failure ->
                RedisCalls.isServerError(failure, "ERR no such key")
                        ? CompletableFuture.completedFuture(List.of())
                        : CompletableFuture.failedFuture(failure));
        return StreamGroups.stats(RedisCalls.await(length, "queue stats"), RedisCalls.await(groups, "queue stats"), group);
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
