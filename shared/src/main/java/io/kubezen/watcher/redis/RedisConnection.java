package io.kubezen.watcher.redis;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * A connection with the commands a standalone server and a Redis Cluster share. On Cluster each command goes to
 * the master of its key's slot, which is why every store sends only commands and scripts on keys of one slot.
 *
 * @param stateful the Lettuce connection underneath
 * @param async    commands that answer with a future; sent without waiting in between, they are pipelined
 */
public record RedisConnection(StatefulConnection<String, String> stateful,
                              RedisClusterAsyncCommands<String, String> async) implements AutoCloseable {

    static RedisConnection of(StatefulRedisConnection<String, String> connection) {
        return new RedisConnection(connection, connection.async());
    }

    static RedisConnection of(StatefulRedisClusterConnection<String, String> connection) {
        return new RedisConnection(connection, connection.async());
    }

    /** The same commands, waiting for each answer; made on first use (see {@link LazySyncClients}). */
    @SuppressWarnings("unchecked")
    public RedisClusterCommands<String, String> sync() {
        if (stateful instanceof StatefulRedisClusterConnection<?, ?> cluster) {
            return ((StatefulRedisClusterConnection<String, String>) cluster).sync();
        }
        return ((StatefulRedisConnection<String, String>) stateful).sync();
    }

    @Override
    public void close() {
        stateful.close();
    }
}
