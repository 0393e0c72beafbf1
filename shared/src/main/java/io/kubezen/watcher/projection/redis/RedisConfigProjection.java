package io.kubezen.watcher.projection.redis;

import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.projection.ConfigProjection;
import io.kubezen.watcher.projection.ProjectedConfig;
import io.kubezen.watcher.projection.ProjectionDocument;
import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisKeys;
import io.kubezen.watcher.redis.RedisMode;
import io.kubezen.watcher.redis.RedisScript;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import java.util.List;
import java.util.Map;

/**
 * The projection as one hash, {@link RedisKeys#configSources()}: {@code version}, {@code sources} (the
 * {@link ProjectionDocument}) and its {@code schema} are written by one script, so a reader's HMGET always sees
 * a version with its own document. One key keeps the write on one Redis Cluster slot. The script publishes the
 * new version on {@link RedisKeys#configChannel()}, which standalone and Sentinel listeners subscribe to, and on
 * Cluster also on {@link RedisKeys#configShardChannel()}, which Cluster listeners subscribe to (see
 * {@link ShardSubscription}).
 */
public final class RedisConfigProjection implements ConfigProjection {

    private static final RedisScript PUBLISH = RedisScript.resource(RedisConfigProjection.class, "publish.lua");

    private final RedisConnector connector;
    private final RedisKeys keys;
    private final boolean cluster;

    public RedisConfigProjection(RedisConnector connector) {
        this.connector = connector;
        this.keys = connector.keys();
        this.cluster = connector.options().mode() == RedisMode.CLUSTER;
    }

    @Override
    public ProjectedConfig read() {
        List<KeyValue<String, String>> fields = RedisCalls.await(
                connector.shared().async().hmget(keys.configSources(), "version", "sources", "schema"),
                "projected config read");
        if (!fields.get(0).hasValue()) {
            return ProjectedConfig.EMPTY;
        }
        long version = Long.parseLong(fields.get(0).getValue());
        if (fields.get(2).hasValue() && Integer.parseInt(fields.get(2).getValue()) > ProjectionDocument.SCHEMA) {
            throw new IllegalStateException(keys.configSources() + " version " + version + " has schema "
                    + fields.get(2).getValue() + ", written by a newer controller; this process reads schema "
                    + ProjectionDocument.SCHEMA + ": upgrade it");
        }
        if (!fields.get(1).hasValue()) {
            return new ProjectedConfig(version, Map.of(), Map.of());
        }
        try {
            return ProjectionDocument.read(version, fields.get(1).getValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(keys.configSources() + " version " + version + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long publish(Map<String, IngesterSpec> sources) {
        return RedisCalls.await(PUBLISH.run(connector.shared().async(), ScriptOutputType.INTEGER,
                new String[] {keys.configSources()}, ProjectionDocument.write(sources), keys.configChannel(),
                String.valueOf(ProjectionDocument.SCHEMA), cluster ? keys.configShardChannel() : ""),
                "projected config publish");
    }

    @Override
    public AutoCloseable listen(Runnable onChange) {
        StatefulRedisPubSubConnection<String, String> connection = connector.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String version) {
                onChange.run();
            }

            @Override
            public void smessage(String shardChannel, String version) {
                onChange.run();
            }
        });
        try {
            if (!cluster) {
                RedisCalls.await(connection.async().subscribe(keys.configChannel()), "projected config subscribe");
                return connection::close;
            }
            return new ShardSubscription((StatefulRedisClusterPubSubConnection<String, String>) connection,
                    keys.configShardChannel(), keys.configChannel()).follow(connector);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
