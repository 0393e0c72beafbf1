package io.kubezen.watcher.projection.redis;

import io.kubezen.watcher.projection.ConfigProjection;
import io.kubezen.watcher.projection.ConfigProjectionContract;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

@WithRedis
class RedisConfigProjectionIT extends ConfigProjectionContract {

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisDeployment redis;

    RedisConfigProjectionIT(RedisDeployment redis) {
        this.redis = redis;
    }

    @Override
    protected ConfigProjection create() {
        return new RedisConfigProjection(connectors.open(redis));
    }

    @Override
    protected ConfigProjection secondProcess() {
        return new RedisConfigProjection(connectors.open(redis));
    }

    @Test
    void theDocumentLivesUnderTheDocumentedKey() {
        // Sorted, so that the stored JSON has one known field order.
        long version = projection.publish(Map.of("zen/falco", new TreeMap<>(Map.of("source", "falco", "type", "falco"))));

        assertThat(redis.sync().hgetall("zw:config:sources")).containsOnly(
                Map.entry("version", Long.toString(version)),
                Map.entry("sources", "{\"zen/falco\":{\"source\":\"falco\",\"type\":\"falco\"}}"));
    }
}
