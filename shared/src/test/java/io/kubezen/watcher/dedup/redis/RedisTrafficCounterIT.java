package io.kubezen.watcher.dedup.redis;

import io.kubezen.watcher.dedup.TrafficCounter;
import io.kubezen.watcher.dedup.TrafficCounterContract;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@WithRedis
class RedisTrafficCounterIT extends TrafficCounterContract {

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisDeployment redis;

    RedisTrafficCounterIT(RedisDeployment redis) {
        this.redis = redis;
    }

    @Override
    protected TrafficCounter createCounter(Clock clock, Duration retention) {
        return new RedisTrafficCounter(connectors.open(redis), clock, retention);
    }

    @Test
    void bucketIsACounterUnderTheDocumentedKeyExpiringAfterTheRetention() {
        counter.add("falco", 3);
        counter.add("falco", 4);

        String key = "zw:traffic:falco:" + T0.getEpochSecond();
        assertThat(redis.sync().get(key)).isEqualTo("7");
        assertThat(redis.sync().ttl(key)).isBetween(RETENTION.getSeconds() - 5, RETENTION.getSeconds());
    }

    @Test
    void sourcesAreFoundAmongManyOtherKeysOverSeveralScanSteps() {
        for (int i = 0; i < 2500; i++) {
            redis.sync().set("zw:dedup:falco:" + i, "x");
        }
        redis.sync().set("zw:window:trivy", "60");
        counter.add("falco", 1);
        counter.add("kube-audit", 1);

        assertThat(counter.sources()).containsExactlyInAnyOrder("falco", "kube-audit");
    }
}
