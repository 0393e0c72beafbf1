package io.kubezen.watcher.ingester.writer.consume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubezen.watcher.ingester.Fixtures;
import io.kubezen.watcher.ingester.Ingester;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.kube.TestApiServer;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeats reach the Observation's status through the API server: receiver and writer in one process, a real Redis,
 * the test API server. The status interval is short so the test does not wait long.
 */
@WithRedis
class ObservationStatusIT {

    private static final ObjectMapper JSON = new ObjectMapper();
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

    private JsonNode onlyObservation() {
        try {
            JsonNode items = JSON.valueToTree(api.listNamespacedCustomObject("zen.kube-zen.io", "v1alpha1", "zen-system",
                    "observations").execute()).get("items");
            return items.size() == 1 ? items.get(0) : JSON.createObjectNode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
