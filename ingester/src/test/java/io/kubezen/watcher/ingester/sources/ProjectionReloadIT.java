package io.kubezen.watcher.ingester.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.SpecJson;
import io.kubezen.watcher.projection.ConfigProjection;
import io.kubezen.watcher.projection.redis.RedisConfigProjection;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An ingester follows the projection in a real Redis: at start, on notices, and never restarting. */
@WithRedis
class ProjectionReloadIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOKEN = "github-token";
    private static final Duration PAUSE = Duration.ofMillis(1500);

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();

    @Test
    void projectedSourcesArriveAtStartAndOnEachChange(RedisServerHandle redis) throws Exception {
        ConfigProjection controller = new RedisConfigProjection(connectors.open(redis));
        controller.publish(Map.of("zen/github", github(Map.of())));

        try (EmbeddedServer ingester = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1, "zen-watcher.roles", "receiver", "zen-watcher.redis.uri", redis.uri()))) {
            assertThat(post(ingester, "/ingest/github", 1, null).statusCode()).isEqualTo(401);
            HttpResponse<String> accepted = post(ingester, "/ingest/github", 1, TOKEN);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            assertThat(JSON.readTree(accepted.body()).get("accepted").asInt()).isEqualTo(1);

            controller.publish(Map.of("zen/github", github(Map.of("minSeverity", "critical")),
                    "zen/gitlab", SpecJson.convert(Map.of("source", "gitlab", "type", "webhook",
                            "webhook", Map.of("auth", Map.of("mode", "none"))))));
            Await.until("gitlab is served", WAIT, () -> post(ingester, "/ingest/gitlab", 1, null).statusCode() == 202);
            JsonNode filtered = JSON.readTree(post(ingester, "/ingest/github", 2, TOKEN).body());
            assertThat(filtered.get("filtered").asInt()).as(filtered.toString()).isEqualTo(1);

            controller.publish(Map.of());
            Await.until("gitlab is gone", WAIT, () -> post(ingester, "/ingest/gitlab", 3, null).statusCode() == 404);
        }
    }

    @Test
    void serverOpensOnlyOnceTheProjectionWasRead(RedisServerHandle redis) throws Exception {
        ConfigProjection controller = new RedisConfigProjection(connectors.open(redis));
        controller.publish(Map.of("zen/github", github(Map.of())));
        // Redis holds every command, the ingester's first read included, for longer than a start takes here.
        redis.command("CLIENT PAUSE " + PAUSE.toMillis() + " ALL");
        long pausedAt = System.nanoTime();

        try (EmbeddedServer ingester = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1, "zen-watcher.roles", "receiver", "zen-watcher.redis.uri", redis.uri(),
                "zen-watcher.redis.command-timeout", "5s"))) {
            assertThat(Duration.ofNanos(System.nanoTime() - pausedAt)).isGreaterThanOrEqualTo(PAUSE);
            // 401 from the projected source's bearer check; a 404 would mean the port opened before the read.
            assertThat(post(ingester, "/ingest/github", 1, null).statusCode()).isEqualTo(401);
        }
    }

    private static IngesterSpec github(Map<String, Object> filter) throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(TOKEN.getBytes(StandardCharsets.UTF_8)));
        return SpecJson.convert(Map.of("source", "github", "type", "webhook", "filter", filter,
                "webhook", Map.of("auth", Map.of("mode", "bearer",
                        "bearer", Map.of("secretRef", Map.of("sha256", digest))))));
    }

    private static HttpResponse<String> post(EmbeddedServer server, String path, int n, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"event " + n + "\",\"severity\":\"low\"}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
