package io.kubezen.watcher.redis;

import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.lettuce.core.StatefulRedisConnectionImpl;
import io.lettuce.core.cluster.StatefulRedisClusterConnectionImpl;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.reflect.Field;

import static org.assertj.core.api.Assertions.assertThat;

/** The connections every store shares: their blocking API is made on first use, then works as Lettuce's own. */
@WithRedis
class RedisConnectionIT {

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisDeployment redis;

    RedisConnectionIT(RedisDeployment redis) {
        this.redis = redis;
    }

    @Test
    void aConnectionOpensWithoutItsBlockingApiWhichWorksOnceAskedFor() throws Exception {
        RedisConnector connector = connectors.open(redis);
        RedisConnection connection = connector.shared();
        assertThat(connection.async().set("zw:connection-it", "async").get()).isEqualTo("OK");

        assertThat(lettuceSyncField(connection.stateful())).isNull();

        assertThat(connection.sync().get("zw:connection-it")).isEqualTo("async");
        assertThat(connection.sync().set("zw:connection-it", "sync")).isEqualTo("OK");
        assertThat(connection.async().get("zw:connection-it").get()).isEqualTo("sync");
        assertThat(connection.sync()).isSameAs(connection.sync());
    }

    @Test
    void aPubSubConnectionOpensWithoutItsBlockingApiWhichWorksOnceAskedFor() throws Exception {
        StatefulRedisPubSubConnection<String, String> pubSub = connectors.open(redis).connectPubSub();
        try {
            // Lettuce's cluster client makes its pub/sub connections without a method to override.
            if (!(pubSub instanceof StatefulRedisClusterPubSubConnection<String, String>)) {
                assertThat(lettuceSyncField(pubSub)).isNull();
            }

            assertThat(pubSub.sync().ping()).isEqualTo("PONG");
            assertThat(pubSub.sync()).isSameAs(pubSub.sync());
        } finally {
            pubSub.close();
        }
    }

    /** What Lettuce's connection holds as its blocking API, which it would have made when it opened. */
    private static Object lettuceSyncField(Object connection) throws ReflectiveOperationException {
        Class<?> owner = connection instanceof StatefulRedisClusterConnectionImpl<?, ?>
                ? StatefulRedisClusterConnectionImpl.class : StatefulRedisConnectionImpl.class;
        Field sync = owner.getDeclaredField("sync");
        sync.setAccessible(true);
        return sync.get(connection);
    }
}
