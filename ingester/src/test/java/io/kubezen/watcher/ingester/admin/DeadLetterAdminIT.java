package io.kubezen.watcher.ingester.admin;

import java.nio.charset.StandardCharsets;
import io.kubezen.watcher.ingester.Ingester;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueuedObservation;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Dead letters through the admin API: listed with their reason, replayed onto the queue, deleted. */
class DeadLetterAdminIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin-token-2";

    @Test
    void operatorListsReplaysAndDeletesDeadLetters() throws Exception {
        try (Ingester server = Ingester.start(Map.of("zen-watcher.admin.token", ADMIN))) {
            EventQueue queue = server.bean(EventQueue.class);
            queue.ensureGroup("zw-writers");
            queue.append(List.of(entry("one"), entry("two")));
            for (QueueEntry entry : queue.read("zw-writers", "w", 10, Duration.ZERO)) {
                queue.deadLetter("zw-writers", entry, "forbidden", "observations is forbidden", 1);
            }

            JsonNode page = JSON.readTree(send(server, "GET", "/api/v1/dead-letters?limit=10", null).body());
            assertThat(page.get("items")).hasSize(2);
            assertThat(page.at("/items/0/reason").asText()).isEqualTo("forbidden");
            assertThat(page.at("/items/0/entry/fingerprint").asText()).isEqualTo("one");

            String first = page.at("/items/0/id").asText();
            HttpResponse<String> replayed = send(server, "POST", "/api/v1/dead-letters/replay", "{\"ids\":[\"" + first + "\"]}");
            assertThat(JSON.readTree(replayed.body()).get("replayed").asLong()).isEqualTo(1);
            assertThat(queue.read("zw-writers", "w", 10, Duration.ZERO)).extracting(e -> e.observation().fingerprint())
                    .containsExactly("one");

            String second = page.at("/items/1/id").asText();
            assertThat(send(server, "DELETE", "/api/v1/dead-letters/" + second, null).statusCode()).isEqualTo(204);
            assertThat(send(server, "DELETE", "/api/v1/dead-letters/" + second, null).statusCode()).isEqualTo(404);
            assertThat(send(server, "POST", "/api/v1/dead-letters/replay", "{}").statusCode()).isEqualTo(400);
            assertThat(queue.deadLetters().list(null, 10).items()).isEmpty();
        }
    }

    private static QueuedObservation entry(String fingerprint) {
        return new QueuedObservation(TestObservations.write("prod", "falco", Severity.HIGH, fingerprint).observation(),
                fingerprint, TestObservations.FIRST_SEEN);
    }

    private static HttpResponse<String> send(Ingester server, String method, String path, String body) {
        return server.send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Authorization", "Bearer " + ADMIN);
    }
}
