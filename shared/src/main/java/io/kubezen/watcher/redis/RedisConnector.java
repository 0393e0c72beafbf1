package io.kubezen.watcher.redis;

import io.kubezen.watcher.store.StoreUnavailableException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Lettuce client of one process, configured to fail fast: commands sent while Redis is away are
 * rejected at once and every command times out after {@link RedisConnectionOptions#commandTimeout()}, so
 * callers get a {@link StoreUnavailableException} instead of a hanging webhook. Connections reconnect by
 * themselves; nothing needs rebuilding after an outage. Connecting is lazy, so a process can start while
 * Redis is down and begins working once it is up.
 */
public final class RedisConnector implements AutoCloseable {

    private static final Duration MIN_RECONNECT_DELAY = Duration.ofMillis(50);

    private final RedisConnectionOptions options;
    private final RedisKeys keys;
    private final ClientResources resources;
    private final RedisClient client;
    private final String address;
    private final Object lock = new Object();
    private volatile StatefulRedisConnection<String, String> shared;

    private RedisConnector(RedisConnectionOptions options, ClientResources resources, RedisClient client, String address) {
        this.options = options;
        this.keys = new RedisKeys(options.keyPrefix());
        this.resources = resources;
        this.client = client;
        this.address = address;
    }

    public static RedisConnector create(RedisConnectionOptions options) {
        RedisURI uri = RedisURI.create(options.uri());
        uri.setTimeout(options.commandTimeout());
        ClientResources resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(MIN_RECONNECT_DELAY, options.maxReconnectDelay(), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(options.commandTimeout()).build())
                // Time out every command after the connection's timeout, which a caller may raise for blocking reads.
                .timeoutOptions(TimeoutOptions.builder().timeoutCommands(true).connectionTimeout().build())
                .build());
        return new RedisConnector(options, resources, client, uri.getHost() + ":" + uri.getPort());
    }

    public RedisConnectionOptions options() {
        return options;
    }

    public RedisKeys keys() {
        return keys;
    }

    /**
     * The connection all non-blocking commands of this process share; Lettuce multiplexes it safely across
     * threads, and commands sent without waiting in between are pipelined. Opened on first use.
     */
    public StatefulRedisConnection<String, String> shared() {
        StatefulRedisConnection<String, String> connection = shared;
        if (connection == null) {
            synchronized (lock) {
                if (shared == null) {
                    shared = open(client::connect);
                }
                connection = shared;
            }
        }
        return connection;
    }

    /** A connection of the caller's own, for blocking commands that would stall the shared one; the caller closes it. */
    public StatefulRedisConnection<String, String> connect() {
        return open(client::connect);
    }

    /** A pub/sub connection of the caller's own; Lettuce subscribes it again after a reconnect. */
    public StatefulRedisPubSubConnection<String, String> connectPubSub() {
        return open(client::connectPubSub);
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (shared != null) {
                shared.close();
            }
        }
        client.shutdown();
        resources.shutdown();
    }

    private <C> C open(Supplier<C> connect) {
        try {
            return connect.get();
        } catch (RedisException e) {
            throw new StoreUnavailableException("Cannot connect to Redis at " + address + ": " + e.getMessage(), e);
        }
    }
}
