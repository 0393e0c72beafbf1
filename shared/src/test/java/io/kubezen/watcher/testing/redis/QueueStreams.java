package io.kubezen.watcher.testing.redis;

import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.redis.RedisKeys;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The queue's streams as a test looks at them, over every shard, with the default key prefix and number of shards:
 * what an operator would see with {@code redis-cli}.
 */
public final class QueueStreams {

    public static final RedisKeys KEYS = new RedisKeys(RedisConnectionOptions.DEFAULT_KEY_PREFIX,
            RedisConnectionOptions.DEFAULT_QUEUE_SHARDS);

    private QueueStreams() {
    }

    /**
     * Entries queued and not yet written, in every shard: Observations and status updates in its stream, and the
     * entries of its status stream, each of which holds the status updates of one admission call.
     */
    public static long length(RedisClusterCommands<String, String> redis) {
        long length = 0;
        for (int shard = 0; shard < KEYS.shards(); shard++) {
            length += redis.xlen(KEYS.observationStream(shard)) + redis.xlen(KEYS.statusStream(shard));
        }
        return length;
    }

    /** The status updates that every shard's status stream holds, six lines each (admission's admit.lua). */
    public static long statusUpdates(RedisClusterCommands<String, String> redis) {
        return statusEntries(redis).stream().mapToLong(entry -> entry.getBody().get("statuses").split("\n").length / 6)
                .sum();
    }

    /** Every entry of every shard's status stream, shard by shard, each shard's oldest first. */
    public static List<StreamMessage<String, String>> statusEntries(RedisClusterCommands<String, String> redis) {
        return every(redis, KEYS::statusStream);
    }

    /** Dead letters, in every shard. */
    public static long deadLetters(RedisClusterCommands<String, String> redis) {
        long length = 0;
        for (int shard = 0; shard < KEYS.shards(); shard++) {
            length += redis.xlen(KEYS.deadLetterStream(shard));
        }
        return length;
    }

    /** Every entry of every shard, shard by shard, each shard's oldest first. */
    public static List<StreamMessage<String, String>> entries(RedisClusterCommands<String, String> redis) {
        return every(redis, KEYS::observationStream);
    }

    /** Every dead letter of every shard, shard by shard, each shard's oldest first. */
    public static List<StreamMessage<String, String>> deadLetterEntries(RedisClusterCommands<String, String> redis) {
        return every(redis, KEYS::deadLetterStream);
    }

    private static List<StreamMessage<String, String>> every(RedisClusterCommands<String, String> redis,
                                                              IntFunction<String> stream) {
        List<StreamMessage<String, String>> entries = new ArrayList<>();
        for (int shard = 0; shard < KEYS.shards(); shard++) {
            entries.addAll(redis.xrange(stream.apply(shard), Range.create("-", "+")));
        }
        return entries;
    }
}
