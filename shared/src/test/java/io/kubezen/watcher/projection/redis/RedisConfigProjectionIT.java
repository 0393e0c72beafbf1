package io.kubezen.watcher.projection.redis;

import io.kubezen.watcher.config.SpecJson;
import io.kubezen.watcher.projection.ConfigProjection;
import io.kubezen.watcher.projection.ConfigProjectionContract;
import io.kubezen.watcher.projection.ProjectionDocument;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        long version = projection.publish(Map.of("zen/falco", SpecJson.convert(Map.of("source", "falco", "type", "falco"))));

        assertThat(redis.sync().hgetall("zw:config:sources")).containsOnly(
                Map.entry("version", Long.toString(version)),
                Map.entry("sources", "{\"zen/falco\":{\"source\":\"falco\",\"type\":\"falco\"}}"),
                Map.entry("schema", Integer.toString(ProjectionDocument.SCHEMA)));
    }

    @Test
    void aDocumentOfANewerSchemaIsRefusedSayingWhatToUpgrade() {
        projection.publish(Map.of());
        redis.sync().hset("zw:config:sources", "schema", Integer.toString(ProjectionDocument.SCHEMA + 1));

        assertThatThrownBy(projection::read).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("written by a newer controller");
    }
}
