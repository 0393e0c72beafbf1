package io.kubezen.watcher.ingester.writer.consume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.ingester.Fixtures;
import io.kubezen.watcher.testing.Await;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's quick start as a test: one process with no Redis and no Kubernetes receives a Falco event, and
 * it appears as an Observation in the local sink and at {@code GET /api/v1/observations}, once.
 */
class EmbeddedModeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void postedFalcoEventBecomesOneObservation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("observations.jsonl");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "zen-watcher.receiver.allow-unauthenticated-builtins", true,
                "zen-watcher.writer.local-sink-path", file.toString(),
                "zen-watcher.queue.block", "100ms"))) {
            String event = Fixtures.read("falco/http-output.json");
            assertThat(post(server, event).statusCode()).isEqualTo(202);
            assertThat(post(server, event).statusCode()).isEqualTo(202);

            Await.until("the Observation is listed", Duration.ofSeconds(10),
                    () -> list(server).get("items").size() == 1);
            JsonNode observation = list(server).get("items").get(0);
            assertThat(observation.at("/metadata/namespace").asText()).isEqualTo("zen-system");
            assertThat(observation.at("/metadata/name").asText()).startsWith("falco-");
            assertThat(observation.at("/metadata/labels/app.kubernetes.io~1managed-by").asText()).isEqualTo("zen-watcher");
            assertThat(observation.at("/spec/source").asText()).isEqualTo("falco");
            assertThat(observation.at("/spec/severity").asText()).isEqualTo("low");
            assertThat(observation.at("/spec/eventType").asText()).isEqualTo("terminal_shell_in_container");
            assertThat(observation.at("/spec/resource/name").asText()).isEqualTo("web-7d4b9c-x2x9z");
            assertThat(Files.readAllLines(file)).hasSize(1);
        }
    }

    private HttpResponse<String> post(EmbeddedServer server, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/ingest/falco"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode list(EmbeddedServer server) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(server.getURL() + "/api/v1/observations?source=falco")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
