package io.kubezen.watcher.ingester.writer.consume;

import io.kubezen.watcher.ingester.Ingester;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubezen.watcher.ingester.Fixtures;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.kube.TestApiServer;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Receiver and writer in one process, a real Redis between them, Observations through the API server. */
@WithRedis
class WriterKubernetesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestApiServer apiServer;
    private CustomObjectsApi api;

    @BeforeEach
    void startApiServer() {
        apiServer = TestApiServer.builder().repositoryCrds().namespaces("zen-system", "prod").build().start();
        api = new CustomObjectsApi(apiServer.apiClient());
    }

    @AfterEach
    void stopApiServer() {
        apiServer.close();
    }

    @Test
    void postedFalcoEventBecomesOneObservationInTheCluster(RedisServerHandle redis) throws Exception {
        try (Ingester server = Ingester.start(Map.of(
                "zen-watcher.roles", "receiver,writer",
                "zen-watcher.redis.uri", redis.uri(),
                "kubernetes.client.base-path", apiServer.baseUrl(),
                "zen-watcher.receiver.allow-unauthenticated-builtins", true,
                "zen-watcher.store.status-interval", "1s",
                "zen-watcher.queue.block", "100ms"))) {
            assertThat(server.get("/health/readiness").statusCode()).isEqualTo(200);
            String event = Fixtures.read("falco/http-output.json");
            assertThat(post(server, event).statusCode()).isEqualTo(202);

            Await.until("the Observation exists", Duration.ofSeconds(15), () -> observations().size() == 1);
            assertThat(post(server, event).statusCode()).isEqualTo(202);
            // The repeat queued a status update, due one status interval later.
            Await.until("the queue is drained", Duration.ofSeconds(15),
                    () -> redis.sync().xlen("zw:{stream}:observations") == 0);

            JsonNode items = observations();
            assertThat(items).hasSize(1);
            JsonNode observation = items.get(0);
            assertThat(observation.at("/metadata/name").asText()).startsWith("falco-");
            assertThat(observation.at("/metadata/labels/app.kubernetes.io~1managed-by").asText()).isEqualTo("zen-watcher");
            assertThat(observation.at("/spec/source").asText()).isEqualTo("falco");
            assertThat(observation.at("/spec/category").asText()).isEqualTo("security");
            assertThat(observation.at("/spec/severity").asText()).isEqualTo("low");
            assertThat(observation.at("/spec/eventType").asText()).isEqualTo("terminal_shell_in_container");
            assertThat(observation.at("/spec/resource/kind").asText()).isEqualTo("Pod");
            assertThat(observation.at("/spec/resource/namespace").asText()).isEqualTo("prod");
            assertThat(observation.at("/spec/fingerprint").asText()).hasSize(64);
            assertThat(observation.at("/status/duplicateCount").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aFalcoAlertWithA69CharacterRuleNameIsAcceptedByTheCrd(RedisServerHandle redis) {
        try (Ingester server = Ingester.start(Map.of(
                "zen-watcher.roles", "receiver,writer",
                "zen-watcher.redis.uri", redis.uri(),
                "kubernetes.client.base-path", apiServer.baseUrl(),
                "zen-watcher.receiver.allow-unauthenticated-builtins", true,
                "zen-watcher.queue.block", "100ms"))) {
            assertThat(post(server, Fixtures.read("falco/long-rule.json")).statusCode()).isEqualTo(202);

            Await.until("the Observation exists", Duration.ofSeconds(15), () -> observations().size() == 1);
            JsonNode spec = observations().get(0).get("spec");
            assertThat(spec.get("eventType").asText()).hasSizeLessThanOrEqualTo(63)
                    .startsWith("potential_local_privilege_escalation");
            assertThat(redis.sync().xlen("zw:{stream}:dead-letters")).isZero();
        }
    }

    private JsonNode observations() {
        try {
            Object list = api.listNamespacedCustomObject("zen.kube-zen.io", "v1alpha1", "zen-system", "observations").execute();
            return JSON.valueToTree(list).get("items");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void writerIsNotReadyWhileTheApiServerIsUnreachable(RedisServerHandle redis) throws Exception {
        String unreachable = apiServer.baseUrl();
        apiServer.close();
        try (Ingester server = Ingester.start(Map.of(
                "zen-watcher.roles", "receiver,writer",
                "zen-watcher.redis.uri", redis.uri(),
                "kubernetes.client.base-path", unreachable))) {
            HttpResponse<String> readiness = server.get("/health/readiness");

            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(readiness.body()).at("/details/kubernetes/status").asText()).isEqualTo("DOWN");
        }
    }

    private static HttpResponse<String> post(Ingester server, String body) {
        return server.post("/ingest/falco", body, "Content-Type", "application/json");
    }
}
