package io.kubezen.watcher.redis;

import io.lettuce.core.RedisChannelWriter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StatefulRedisConnectionImpl;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.ClusterPushHandler;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.StatefulRedisClusterConnectionImpl;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.json.JsonParser;
import io.lettuce.core.protocol.PushHandler;
import io.lettuce.core.pubsub.PubSubEndpoint;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnectionImpl;
import io.lettuce.core.pubsub.api.sync.RedisPubSubCommands;
import io.lettuce.core.resource.ClientResources;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Lettuce's clients, with each connection's blocking API made when first asked for rather than when the connection
 * opens. Lettuce builds that API as a proxy that maps every command method of its interface to the asynchronous
 * twin, one {@code Class.getMethod} per method over several hundred: on two cores, with the JIT compilations it sets
 * off, about a tenth of a receiver's start (docs/benchmarks.md, "Cold start"), for an API the receive path never
 * uses. Lettuce's connections read the API's field only in {@code sync()}, which is overridden; everything else is
 * Lettuce's own. The cluster client's pub/sub connections, which Lettuce makes without a method to override, keep
 * theirs.
 */
final class LazySyncClients {

    private LazySyncClients() {
    }

    static RedisClient standalone(ClientResources resources, RedisURI uri) {
        return new Standalone(resources, uri);
    }

    static RedisClusterClient cluster(ClientResources resources, List<RedisURI> uris) {
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("a Redis Cluster client needs at least one seed node");
        }
        return new Cluster(resources, uris);
    }

    private static final class Standalone extends RedisClient {

        Standalone(ClientResources resources, RedisURI uri) {
            super(resources, uri);
        }

        @Override
        protected <K, V> StatefulRedisConnectionImpl<K, V> newStatefulRedisConnection(
                RedisChannelWriter writer, PushHandler pushHandler, RedisCodec<K, V> codec, Duration timeout) {
            return new Connection<>(writer, pushHandler, codec, timeout);
        }

        @Override
        protected <K, V> StatefulRedisPubSubConnectionImpl<K, V> newStatefulRedisPubSubConnection(
                PubSubEndpoint<K, V> endpoint, RedisChannelWriter writer, RedisCodec<K, V> codec, Duration timeout) {
            return new PubSubConnection<>(endpoint, writer, codec, timeout);
        }
    }

    private static final class Cluster extends RedisClusterClient {

        Cluster(ClientResources resources, Iterable<RedisURI> uris) {
            super(resources, uris);
        }

        /** The connections to single nodes, which the cluster connection routes commands over. */
        @Override
        protected <K, V> StatefulRedisConnectionImpl<K, V> newStatefulRedisConnection(
                RedisChannelWriter writer, PushHandler pushHandler, RedisCodec<K, V> codec, Duration timeout,
                Supplier<JsonParser> parser) {
            return new Connection<>(writer, pushHandler, codec, timeout, parser);
        }

        @Override
        protected <V, K> StatefulRedisClusterConnectionImpl<K, V> newStatefulRedisClusterConnection(
                RedisChannelWriter writer, ClusterPushHandler pushHandler, RedisCodec<K, V> codec, Duration timeout,
                Supplier<JsonParser> parser) {
            return new ClusterConnection<>(writer, pushHandler, codec, timeout, parser);
        }
    }

    private static final class Connection<K, V> extends StatefulRedisConnectionImpl<K, V> {

        private final Lazy<RedisCommands<K, V>> sync = new Lazy<>(super::newRedisSyncCommandsImpl);

        Connection(RedisChannelWriter writer, PushHandler pushHandler, RedisCodec<K, V> codec, Duration timeout) {
            super(writer, pushHandler, codec, timeout);
        }

        Connection(RedisChannelWriter writer, PushHandler pushHandler, RedisCodec<K, V> codec, Duration timeout,
                   Supplier<JsonParser> parser) {
            super(writer, pushHandler, codec, timeout, parser);
        }

        /** Called by the constructor, whose field of this is read only by {@link #sync()}. */
        @Override
        protected RedisCommands<K, V> newRedisSyncCommandsImpl() {
            return null;
        }

        @Override
        public RedisCommands<K, V> sync() {
            return sync.get();
        }
    }

    private static final class PubSubConnection<K, V> extends StatefulRedisPubSubConnectionImpl<K, V> {

        private final Lazy<RedisPubSubCommands<K, V>> sync = new Lazy<>(super::newRedisSyncCommandsImpl);

        PubSubConnection(PubSubEndpoint<K, V> endpoint, RedisChannelWriter writer, RedisCodec<K, V> codec,
                         Duration timeout) {
            super(endpoint, writer, codec, timeout);
        }

        @Override
        protected RedisPubSubCommands<K, V> newRedisSyncCommandsImpl() {
            return null;
        }

        @Override
        public RedisPubSubCommands<K, V> sync() {
            return sync.get();
        }
    }

    private static final class ClusterConnection<K, V> extends StatefulRedisClusterConnectionImpl<K, V> {

        private final Lazy<RedisAdvancedClusterCommands<K, V>> sync =
                new Lazy<>(super::newRedisAdvancedClusterCommandsImpl);

        ClusterConnection(RedisChannelWriter writer, ClusterPushHandler pushHandler, RedisCodec<K, V> codec,
                          Duration timeout, Supplier<JsonParser> parser) {
            super(writer, pushHandler, codec, timeout, parser);
        }

        @Override
        protected RedisAdvancedClusterCommands<K, V> newRedisAdvancedClusterCommandsImpl() {
            return null;
        }

        @Override
        public RedisAdvancedClusterCommands<K, V> sync() {
            return sync.get();
        }
    }

    /** Made once, by whichever thread asks first. */
    private static final class Lazy<T> {

        private final Supplier<T> make;
        private volatile T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        T get() {
            T made = value;
            if (made == null) {
                synchronized (this) {
                    if (value == null) {
                        value = make.get();
                    }
                    made = value;
                }
            }
            return made;
        }
    }
}
