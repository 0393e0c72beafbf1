package io.kubezen.watcher.ingester.health;

import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.redis.DedicatedRedis;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@WithRedis
class RedisReadinessIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessFollowsRedisWhileLivenessStaysUp(@DedicatedRedis RedisServerHandle redis) throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "zen-watcher.roles", "receiver",
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

    private int status(EmbeddedServer server, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
