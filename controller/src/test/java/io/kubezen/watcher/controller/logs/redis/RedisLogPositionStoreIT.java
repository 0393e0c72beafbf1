package io.kubezen.watcher.controller.logs.redis;

import io.kubezen.watcher.controller.logs.ContainerKey;
import io.kubezen.watcher.controller.logs.LogPosition;
import io.kubezen.watcher.controller.logs.LogPositionStore;
import io.kubezen.watcher.controller.logs.LogPositionStoreContract;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@WithRedis
class RedisLogPositionStoreIT extends LogPositionStoreContract {

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisDeployment redis;
    private RedisLogPositionStore store;
    private RedisConnector connector;

    RedisLogPositionStoreIT(RedisDeployment redis) {
        this.redis = redis;
    }

    @Override
    protected LogPositionStore store() {
        if (store == null) {
            connector = connectors.open(redis);
            store = new RedisLogPositionStore(connector);
        }
        return store;
    }

    @Test
    void aPositionIsOneHashAnOperatorCanRead() {
        store().put("kube-bench", new ContainerKey("kube-bench", "job-x", "kube-bench"),
                new LogPosition(Instant.parse("2026-01-01T10:00:00.1Z"), 2));

        assertThat(connector.shared().sync().hgetall("zw:logs:kube-bench:kube-bench/job-x/kube-bench"))
                .isEqualTo(Map.of("time", "2026-01-01T10:00:00.100Z", "lines", "2"));
    }
}
