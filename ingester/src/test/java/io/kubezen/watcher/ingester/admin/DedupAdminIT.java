package io.kubezen.watcher.ingester.admin;

import java.nio.charset.StandardCharsets;
import io.kubezen.watcher.ingester.Ingester;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.ingester.Fixtures;
import io.kubezen.watcher.testing.redis.QueueStreams;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@WithRedis
class DedupAdminIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin-token-1";

    @Test
    void operatorListsShowsAndForgetsARecord(RedisServerHandle redis) throws Exception {
        try (Ingester server = Ingester.start(Map.of(
                "zen-watcher.redis.uri", redis.uri(),
                "zen-watcher.admin.token", ADMIN,
                "zen-watcher.receiver.allow-unauthenticated-builtins", true))) {
            String event = Fixtures.read("falco/http-output.json");
            assertThat(send(server, "POST", "/ingest/falco", event, null).statusCode()).isEqualTo(202);

            JsonNode page = JSON.readTree(send(server, "GET", "/api/v1/dedup/falco?limit=10", null, ADMIN).body());
            assertThat(page.get("items")).hasSize(1);
            String fingerprint = page.get("items").get(0).get("fingerprint").asText();

            JsonNode record = JSON.readTree(send(server, "GET", "/api/v1/dedup/falco/" + fingerprint, null, ADMIN).body());
            assertThat(record.get("count").asLong()).isEqualTo(1);
            assertThat(record.get("ttlSecondsLeft").asLong()).isBetween(1L, 300L);
            // firstSeen:windowEnds:lastSeen:statusDue:count, as redis-cli shows it
            assertThat(redis.sync().get(QueueStreams.KEYS.dedupRecord("falco", fingerprint)))
                    .matches("\\d{13}:\\d{13}:\\d{13}:0{13}:1");

            assertThat(send(server, "DELETE", "/api/v1/dedup/falco/" + fingerprint, null, ADMIN).statusCode()).isEqualTo(204);
            assertThat(send(server, "GET", "/api/v1/dedup/falco/" + fingerprint, null, ADMIN).statusCode()).isEqualTo(404);
            HttpResponse<String> again = send(server, "POST", "/ingest/falco", event, null);
            assertThat(JSON.readTree(again.body()).get("accepted").asInt()).isEqualTo(1);

            assertThat(send(server, "GET", "/api/v1/dedup/falco", null, null).statusCode()).isEqualTo(401);
            assertThat(send(server, "GET", "/api/v1/dedup/falco", null, "wrong").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void withoutAConfiguredTokenTheAdminApiIsClosed() throws Exception {
        try (Ingester server = Ingester.start(Map.of())) {
            HttpResponse<String> response = send(server, "GET", "/api/v1/dedup/falco", null, "anything");

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("zen-watcher.admin.token");
        }
    }

    private static HttpResponse<String> send(Ingester server, String method, String path, String body, String token) {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return token == null
                ? server.send(method, path, bytes, "Content-Type", "application/json")
                : server.send(method, path, bytes, "Content-Type", "application/json", "Authorization", "Bearer " + token);
    }
}
