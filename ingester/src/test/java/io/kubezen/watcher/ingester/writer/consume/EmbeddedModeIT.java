package io.kubezen.watcher.ingester.writer.consume;

import java.io.UncheckedIOException;
import java.io.IOException;
import io.kubezen.watcher.ingester.Ingester;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.ingester.Fixtures;
import io.kubezen.watcher.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's quick start as a test: one process with no Redis and no Kubernetes, in the {@code dev}
 * environment, receives a Falco event without credentials, and it appears as an Observation in the local sink
 * and at {@code GET /api/v1/observations}, once.
 */
class EmbeddedModeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void postedFalcoEventBecomesOneObservation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("observations.jsonl");
        try (Ingester server = Ingester.start(Map.of(
                "zen-watcher.roles", "receiver,writer",
                "zen-watcher.writer.local-sink-path", file.toString(),
                "zen-watcher.queue.block", "100ms"), "dev")) {
            String event = Fixtures.read("falco/http-output.json");
            assertThat(server.post("/ingest/falco", event, "Content-Type", "application/json").statusCode()).isEqualTo(202);
            assertThat(server.post("/ingest/falco", event, "Content-Type", "application/json").statusCode()).isEqualTo(202);

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

    @Test
    void aFalcoAlertWithA69CharacterRuleNameIsListedUnderAShortenedEventType(@TempDir Path dir) {
        try (Ingester server = Ingester.start(Map.of(
                "zen-watcher.roles", "receiver,writer",
                "zen-watcher.writer.local-sink-path", dir.resolve("observations.jsonl").toString(),
                "zen-watcher.queue.block", "100ms"), "dev")) {
            String event = Fixtures.read("falco/long-rule.json");
            assertThat(server.post("/ingest/falco", event, "Content-Type", "application/json").statusCode()).isEqualTo(202);

            Await.until("the Observation is listed", Duration.ofSeconds(10),
                    () -> list(server).get("items").size() == 1);
            JsonNode spec = list(server).at("/items/0/spec");
            assertThat(spec.get("eventType").asText()).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9_]+")
                    .startsWith("potential_local_privilege_escalation");
            assertThat(spec.at("/details/rule").asText())
                    .isEqualTo("Potential Local Privilege Escalation via Environment Variables Misuse");
        }
    }

    @Test
    void anEventPostedFiveTimesShowsFourDuplicatesAndItsLastSighting(@TempDir Path dir) {
        try (Ingester server = Ingester.start(Map.of(
                "zen-watcher.roles", "receiver,writer",
                "zen-watcher.writer.local-sink-path", dir.resolve("observations.jsonl").toString(),
                "zen-watcher.store.status-interval", "1s",
                "zen-watcher.queue.block", "100ms"), "dev")) {
            String event = Fixtures.read("falco/http-output.json");
            for (int i = 0; i < 5; i++) {
                assertThat(server.post("/ingest/falco", event, "Content-Type", "application/json").statusCode())
                        .isEqualTo(202);
            }

            Await.until("the status counts 4 duplicates", Duration.ofSeconds(10),
                    () -> list(server).at("/items/0/status/duplicateCount").asLong() == 4);
            JsonNode status = list(server).at("/items/0/status");
            assertThat(list(server).get("items")).hasSize(1);
            assertThat(Instant.parse(status.get("lastSeen").asText()))
                    .isAfter(Instant.parse(status.get("firstSeen").asText()));
        }
    }

    private static JsonNode list(Ingester server) {
        try {
            return JSON.readTree(server.get("/api/v1/observations?source=falco").body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
