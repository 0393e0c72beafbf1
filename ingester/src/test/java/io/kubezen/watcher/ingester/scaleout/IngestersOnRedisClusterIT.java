package io.kubezen.watcher.ingester.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubezen.watcher.ingester.Fixtures;
import io.kubezen.watcher.ingester.Ingester;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.kube.TestApiServer;
import io.kubezen.watcher.testing.redis.QueueStreams;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two receiving ingesters and a writer, separate processes as far as Redis can tell, on the three-master Redis
 * Cluster; subclasses run the same on Sentinel and on TLS with an ACL user. Every event the senders repeat to
 * either ingester becomes exactly one Observation, and the writer drains the queue.
 */
@WithRedis(RedisTopology.CLUSTER)
class IngestersOnRedisClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] JSON_TYPE = {"Content-Type", "application/json"};
    private static final int EVENTS = 20;
    private static final int COPIES = 4;

    private final RedisDeployment redis;
    private TestApiServer apiServer;

    IngestersOnRedisClusterIT(RedisDeployment redis) {
        this.redis = redis;
    }

    @BeforeEach
    void startApiServer() {
        apiServer = TestApiServer.builder().repositoryCrds().namespaces("zen-system", "prod").build().start();
    }

    @AfterEach
    void stopApiServer() {
        apiServer.close();
    }

    @Test
    void twoIngestersAcceptEachEventOnceAndAWriterMakesOneObservationOfIt() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try (Ingester one = Ingester.start(config("receiver"));
             Ingester other = Ingester.start(config("receiver"));
             Ingester writer = Ingester.start(config("writer"))) {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int copy = 0; copy < COPIES; copy++) {
                for (int event = 0; event < EVENTS; event++) {
                    Ingester target = (event + copy) % 2 == 0 ? one : other;
                    String body = Fixtures.falcoEvent(event);
                    answers.add(senders.submit(() -> target.post("/ingest/falco", body, JSON_TYPE)));
                }
            }
            int received = 0;
            int accepted = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                received += JSON.readTree(response.body()).get("received").asInt();
                accepted += JSON.readTree(response.body()).get("accepted").asInt();
            }

            Await.until("one Observation per event", Duration.ofSeconds(30), () -> observations().size() == EVENTS);
            Await.until("the writer drained the queue", Duration.ofSeconds(30),
                    () -> QueueStreams.length(redis.sync()) == 0);
            HttpResponse<String> later = other.post("/ingest/falco", Fixtures.falcoEvent(0), JSON_TYPE);

            assertThat(received).isEqualTo(EVENTS * COPIES);
            assertThat(accepted).as("each event accepted exactly once, by one of the two ingesters").isEqualTo(EVENTS);
            assertThat(observations()).hasSize(EVENTS)
                    .extracting(item -> item.at("/spec/fingerprint").asText()).doesNotHaveDuplicates();
            assertThat(JSON.readTree(later.body()).get("duplicates").asInt()).isEqualTo(1);
        } finally {
            senders.shutdownNow();
        }
    }

    private Map<String, Object> config(String roles) {
        Map<String, Object> config = new HashMap<>(redis.properties());
        config.put("zen-watcher.roles", roles);
        config.put("zen-watcher.receiver.allow-unauthenticated-builtins", true);
        config.put("kubernetes.client.base-path", apiServer.baseUrl());
        config.put("zen-watcher.queue.block", "100ms");
        config.put("zen-watcher.store.status-interval", "1s");
        return config;
    }

    private JsonNode observations() {
        try {
            Object list = new CustomObjectsApi(apiServer.apiClient())
                    .listNamespacedCustomObject("zen.kube-zen.io", "v1alpha1", "zen-system", "observations").execute();
            return JSON.valueToTree(list).get("items");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
