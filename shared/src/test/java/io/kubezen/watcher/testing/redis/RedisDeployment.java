package io.kubezen.watcher.testing.redis;

import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A running Redis of some {@link RedisTopology}, as a test sees it: how the code under test connects to it, and
 * commands for the test itself to arrange or look at state, routed as the code's own commands are.
 */
public interface RedisDeployment {

    /** What {@code zen-watcher.redis.*} would be set to for this Redis, with the default key prefix. */
    RedisConnectionOptions options();

    /** Commands on a connection of the deployment's own; on Cluster each goes to its key's master. */
    RedisClusterCommands<String, String> sync();

    /** Deletes every key, on every master. */
    void flushAll();

    /** The {@code zen-watcher.redis.*} properties of {@link #options()}, for starting an app on this Redis. */
    default Map<String, Object> properties() {
        RedisConnectionOptions options = options();
        Map<String, Object> properties = new HashMap<>();
        properties.put("zen-watcher.redis.uri", options.uri());
        properties.put("zen-watcher.redis.mode", options.mode().name().toLowerCase(Locale.ROOT));
        if (options.username() != null) {
            properties.put("zen-watcher.redis.username", options.username());
        }
        if (options.passwordFile() != null) {
            properties.put("zen-watcher.redis.password-file", options.passwordFile().toString());
        }
        if (options.tls().caFile() != null) {
            properties.put("zen-watcher.redis.tls.ca-file", options.tls().caFile().toString());
        }
        if (options.tls().certFile() != null) {
            properties.put("zen-watcher.redis.tls.cert-file", options.tls().certFile().toString());
            properties.put("zen-watcher.redis.tls.key-file", options.tls().keyFile().toString());
        }
        return properties;
    }
}
