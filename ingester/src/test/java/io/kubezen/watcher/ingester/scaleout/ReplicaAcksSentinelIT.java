package io.kubezen.watcher.ingester.scaleout;

import io.kubezen.watcher.ingester.Fixtures;
import io.kubezen.watcher.ingester.Ingester;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code zen-watcher.redis.ack-replicas} on a Sentinel group whose master has one replica: asking for one answers
 * 202, asking for two answers 503 with Retry-After once the timeout has passed, and the sender's retry against a
 * receiver that can be satisfied finds the event already admitted.
 */
@WithRedis(RedisTopology.SENTINEL)
class ReplicaAcksSentinelIT {

    private static final String[] JSON_TYPE = {"Content-Type", "application/json"};

    private final RedisDeployment redis;

    ReplicaAcksSentinelIT(RedisDeployment redis) {
        this.redis = redis;
    }

    @Test
    void theReceiverAnswers2xxOnlyOnceTheReplicasHoldTheEvent() throws Exception {
        try (Ingester two = Ingester.start(config(2)); Ingester one = Ingester.start(config(1))) {
            HttpResponse<String> refused = two.post("/ingest/falco", Fixtures.falcoEvent(1), JSON_TYPE);
            HttpResponse<String> retried = one.post("/ingest/falco", Fixtures.falcoEvent(1), JSON_TYPE);
            HttpResponse<String> another = one.post("/ingest/falco", Fixtures.falcoEvent(2), JSON_TYPE);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(retried.statusCode()).isEqualTo(202);
            assertThat(retried.body()).contains("\"duplicates\":1");
            assertThat(another.statusCode()).isEqualTo(202);
            assertThat(another.body()).contains("\"accepted\":1");
        }
    }

    private Map<String, Object> config(int replicas) {
        Map<String, Object> config = new HashMap<>(redis.properties());
        config.put("zen-watcher.receiver.allow-unauthenticated-builtins", true);
        config.put("zen-watcher.redis.ack-replicas", replicas);
        config.put("zen-watcher.redis.ack-timeout", "300ms");
        return config;
    }
}
