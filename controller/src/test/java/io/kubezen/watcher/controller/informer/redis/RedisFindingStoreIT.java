package io.kubezen.watcher.controller.informer.redis;

import io.kubezen.watcher.controller.informer.FindingStore;
import io.kubezen.watcher.controller.informer.FindingStoreContract;
import io.kubezen.watcher.controller.informer.ObjectFindings;
import io.kubezen.watcher.controller.informer.ObjectKey;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@WithRedis
class RedisFindingStoreIT extends FindingStoreContract {

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisDeployment redis;
    private RedisFindingStore store;
    private RedisConnector connector;

    RedisFindingStoreIT(RedisDeployment redis) {
        this.redis = redis;
    }

    @Override
    protected FindingStore store() {
        if (store == null) {
            connector = connectors.open(redis);
            store = new RedisFindingStore(connector);
        }
        return store;
    }

    @Test
    void isOneReadableHashPerObject() {
        store().put("kyverno", new ObjectKey("shop", "cart"), ObjectFindings.of(List.of("f2", "f1")));

        Map<String, String> hash = connector.shared().sync().hgetall("zw:informer:kyverno:shop/cart");

        assertThat(hash).containsEntry("fingerprints", "f1 f2")
                .containsEntry("digest", ObjectFindings.of(List.of("f1", "f2")).digest());
    }
}
