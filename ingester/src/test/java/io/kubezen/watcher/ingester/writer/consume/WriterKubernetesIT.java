package io.kubezen.watcher.ingester.writer.consume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubezen.watcher.ingester.Fixtures;
import io.kubezen.watcher.ingester.Ingester;
import io.kubezen.watcher.queue.DeadLetterCodec;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.kube.TestApiServer;
import io.kubezen.watcher.testing.redis.QueueStreams;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receiver and writer in one process, a real Redis between them, Observations through the API server, with the
 * repeats of an event in their status.
 */
@WithRedis
class WriterKubernetesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Short, so the status tests do not wait long. */
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final String OBSERVATION_PATH = "/apis/zen.kube-zen.io/v1alpha1/namespaces/zen-system/observations.*";

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
        try (Ingester server = start(redis)) {
            assertThat(server.get("/health/readiness").statusCode()).isEqualTo(200);
            String event = Fixtures.read("falco/http-output.json");
            assertThat(post(server, event).statusCode()).isEqualTo(202);

            Await.until("the Observation exists", Duration.ofSeconds(15), () -> observations().size() == 1);
            assertThat(post(server, event).statusCode()).isEqualTo(202);
            // The repeat queued a status update, due one status interval later.
            Await.until("the queue is drained", Duration.ofSeconds(15),
                    () -> QueueStreams.length(redis.sync()) == 0);

            JsonNode items = observations();
            assertThat(items).hasSize(1);
            JsonNode observation = items.get(0);
            assertThat(observation.at("/metadata/name").asText()).startsWith("falco-");
            assertThat(observation.at("/metadata/labels/app.kubernetes.io~1managed-by").asText()).isEqualTo("zen-watcher");
            assertThat(observation.at("/metadata/labels/zen.kube-zen.io~1install").asText()).isEqualTo("zen-watcher");
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
    void aNamespacedInstallLabelsItsObservationsAndDeadLettersOnesBoundOutsideIt(RedisServerHandle redis) {
        try (Ingester ingester = Ingester.start(Map.of(
                "zen-watcher.roles", "receiver,writer",
                "zen-watcher.redis.uri", redis.uri(),
                "kubernetes.client.base-path", apiServer.baseUrl(),
                "zen-watcher.receiver.allow-unauthenticated-builtins", true,
                "zen-watcher.queue.block", "100ms",
                "zen-watcher.install.name", "team-a",
                "zen-watcher.install.namespaces", "zen-system",
                "zen-watcher.sources.elsewhere.type", "falco",
                "zen-watcher.sources.elsewhere.webhook.auth.mode", "none",
                "zen-watcher.sources.elsewhere.destination.namespace", "prod"))) {
            String event = Fixtures.read("falco/http-output.json");
            assertThat(post(ingester, event).statusCode()).as("placed in the fallback, zen-system").isEqualTo(202);
            assertThat(ingester.post("/ingest/elsewhere", event, "Content-Type", "application/json").statusCode())
                    .isEqualTo(202);

            Await.until("one written, one dead letter", Duration.ofSeconds(15), () -> observations().size() == 1
                    && QueueStreams.deadLetters(redis.sync()) == 1);
            assertThat(onlyObservation().at("/metadata/labels/zen.kube-zen.io~1install").asText()).isEqualTo("team-a");
            Map<String, String> deadLetter = QueueStreams.deadLetterEntries(redis.sync()).get(0).getBody();
            assertThat(deadLetter.get(DeadLetterCodec.REASON)).isEqualTo("denied");
            assertThat(deadLetter.get(DeadLetterCodec.DETAIL)).contains("namespace prod is not one of install team-a's");
        }
    }

    @Test
    void aFalcoAlertWithA69CharacterRuleNameIsAcceptedByTheCrd(RedisServerHandle redis) {
        try (Ingester server = start(redis)) {
            assertThat(post(server, Fixtures.read("falco/long-rule.json")).statusCode()).isEqualTo(202);

            Await.until("the Observation exists", Duration.ofSeconds(15), () -> observations().size() == 1);
            JsonNode spec = observations().get(0).get("spec");
            assertThat(spec.get("eventType").asText()).hasSizeLessThanOrEqualTo(63)
                    .startsWith("potential_local_privilege_escalation");
            assertThat(QueueStreams.deadLetters(redis.sync())).isZero();
        }
    }

    @Test
    void anEventPostedFiveTimesShowsFourDuplicatesAndItsLastSighting(RedisServerHandle redis) {
        try (Ingester ingester = start(redis)) {
            String event = Fixtures.read("falco/http-output.json");
            for (int i = 0; i < 5; i++) {
                assertThat(ingester.post("/ingest/falco", event, "Content-Type", "application/json").statusCode())
                        .isEqualTo(202);
            }

            Await.until("the status counts 4 duplicates", INTERVAL.multipliedBy(10),
                    () -> onlyObservation().at("/status/duplicateCount").asLong() == 4);
            JsonNode status = onlyObservation().get("status");
            assertThat(Instant.parse(status.get("lastSeen").asText()))
                    .isAfter(Instant.parse(status.get("firstSeen").asText()));
        }
    }

    @Test
    void tenThousandRepeatsCostAHandfulOfApiWritesAndTheFinalCountArrivesWithinAnInterval(RedisServerHandle redis) {
        String batch = auditBatch(100);
        try (Ingester ingester = start(redis)) {
            long started = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                assertThat(ingester.post("/ingest/k8s-audit", batch, "Content-Type", "application/json").statusCode())
                        .isEqualTo(202);
            }
            Duration burst = Duration.ofNanos(System.nanoTime() - started);
            long burstEnded = System.nanoTime();

            Await.until("the status counts 9,999 duplicates", INTERVAL.multipliedBy(10),
                    () -> onlyObservation().at("/status/duplicateCount").asLong() == 9_999);
            Duration lag = Duration.ofNanos(System.nanoTime() - burstEnded);
            int writes = apiServer.requestCount("POST", OBSERVATION_PATH)
                    + apiServer.requestCount("PATCH", OBSERVATION_PATH);
            // One create, its status, then at most one status write per interval of the burst and one after it.
            long bound = 2 + burst.toMillis() / INTERVAL.toMillis() + 2;
            System.out.printf("10,000 repeats in %d ms: %d API writes (bound %d), final count after %d ms%n",
                    burst.toMillis(), writes, bound, lag.toMillis());
            assertThat(writes).isBetween(3, (int) bound);
            assertThat(lag).isLessThanOrEqualTo(INTERVAL.multipliedBy(2).plusSeconds(3));
        }
    }

    /** Receiver and writer against the test API server, with a short status interval. */
    private Ingester start(RedisServerHandle redis) {
        return Ingester.start(Map.of(
                "zen-watcher.roles", "receiver,writer",
                "zen-watcher.redis.uri", redis.uri(),
                "kubernetes.client.base-path", apiServer.baseUrl(),
                "zen-watcher.receiver.allow-unauthenticated-builtins", true,
                "zen-watcher.store.status-interval", INTERVAL.toSeconds() + "s",
                "zen-watcher.queue.block", "100ms"));
    }

    /** An audit EventList of {@code copies} identical events, as the API server's webhook backend batches them. */
    private static String auditBatch(int copies) {
        String event = Fixtures.read("k8s-audit/single-event.json");
        return "{\"kind\":\"EventList\",\"apiVersion\":\"audit.k8s.io/v1\",\"metadata\":{},\"items\":["
                + String.join(",", Collections.nCopies(copies, event)) + "]}";
    }

    /** The only Observation in zen-system; an empty object while there is none yet. */
    private JsonNode onlyObservation() {
        JsonNode items = observations();
        return items.size() == 1 ? items.get(0) : JSON.createObjectNode();
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
