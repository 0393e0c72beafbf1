package io.kubezen.watcher.ingester.health;

import io.kubezen.watcher.ingester.Ingester;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.redis.DedicatedRedis;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@WithRedis
class RedisReadinessIT {

    @Test
    void readinessFollowsRedisWhileLivenessStaysUp(@DedicatedRedis RedisServerHandle redis) throws Exception {
        try (Ingester server = Ingester.start(Map.of(
                "zen-watcher.redis.uri", redis.uri(),
                "zen-watcher.redis.command-timeout", "500ms"))) {
            assertThat(status(server, "/health/readiness")).isEqualTo(200);

            redis.stop();
            Await.until("readiness DOWN while Redis is stopped", Duration.ofSeconds(10),
                    () -> status(server, "/health/readiness") == 503);
            assertThat(status(server, "/health/liveness")).isEqualTo(200);

            redis.start();
            Await.until("readiness UP once Redis is back", Duration.ofSeconds(10),
                    () -> status(server, "/health/readiness") == 200);
        }
    }

    private static int status(Ingester server, String path) {
        return server.get(path).statusCode();
    }
}
