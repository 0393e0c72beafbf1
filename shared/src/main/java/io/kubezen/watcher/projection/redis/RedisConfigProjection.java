package io.kubezen.watcher.projection.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.projection.ConfigProjection;
import io.kubezen.watcher.projection.ProjectedConfig;
import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisKeys;
import io.kubezen.watcher.redis.RedisScript;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The projection as one hash, {@link RedisKeys#configSources()}: {@code version} and {@code sources} (JSON)
 * are written by one script, so a reader's HMGET always sees a version with its own document. One key keeps
 * the write on one Redis Cluster slot. The script publishes the new version on {@link RedisKeys#configChannel()}.
 */
public final class RedisConfigProjection implements ConfigProjection {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Map<String, Object>>> SOURCES = new TypeReference<>() {
    };
    private static final RedisScript PUBLISH = new RedisScript("""
            local version = redis.call('HINCRBY', KEYS[1], 'version', 1)
            redis.call('HSET', KEYS[1], 'sources', ARGV[1])
            redis.call('PUBLISH', ARGV[2], version)
            return version
            """);

    private final RedisConnector connector;
    private final RedisKeys keys;

    public RedisConfigProjection(RedisConnector connector) {
        this.connector = connector;
        this.keys = connector.keys();
    }

    @Override
    public ProjectedConfig read() {
        List<KeyValue<String, String>> fields = RedisCalls.await(
                connector.shared().async().hmget(keys.configSources(), "version", "sources"), "projected config read");
        if (!fields.get(0).hasValue()) {
            return ProjectedConfig.EMPTY;
        }
        long version = Long.parseLong(fields.get(0).getValue());
        try {
            return new ProjectedConfig(version, fields.get(1).hasValue()
                    ? JSON.readValue(fields.get(1).getValue(), SOURCES) : Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(keys.configSources() + " version " + version
                    + " holds sources that are not a JSON object of objects", e);
        }
    }

    @Override
    public long publish(Map<String, Map<String, Object>> sources) {
        String document;
        try {
            // Sorted, so operators reading it with redis-cli find an Ingester where they expect it.
            document = JSON.writeValueAsString(new TreeMap<>(sources));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("projected sources are not JSON: " + e.getOriginalMessage(), e);
        }
        Long version = RedisCalls.await(PUBLISH.run(connector.shared().async(), ScriptOutputType.INTEGER,
                new String[] {keys.configSources()}, document, keys.configChannel()), "projected config publish");
        return version;
    }

    @Override
    public AutoCloseable listen(Runnable onChange) {
        StatefulRedisPubSubConnection<String, String> connection = connector.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String version) {
                onChange.run();
            }
        });
        try {
            RedisCalls.await(connection.async().subscribe(keys.configChannel()), "projected config subscribe");
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection::close;
    }
}
