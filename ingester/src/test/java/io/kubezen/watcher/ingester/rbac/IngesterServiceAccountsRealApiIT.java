package io.kubezen.watcher.ingester.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubezen.watcher.ingester.Fixtures;
import io.kubezen.watcher.ingester.Ingester;
import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.queue.DeadLetter;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.ShardedEventQueue;
import io.kubezen.watcher.queue.redis.RedisEventQueue;
import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.deploy.ComponentPermissions;
import io.kubezen.watcher.testing.deploy.InstalledChart;
import io.kubezen.watcher.testing.kube.real.AuditedRequest;
import io.kubezen.watcher.testing.kube.real.RealApiServer;
import io.kubezen.watcher.testing.kube.real.WithRealApiServer;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ingester app, wired as in production, against a real kube-apiserver as the ServiceAccounts the chart
 * creates, with the chart's roles bound: the writer creates Observations, brings a redelivered one's status
 * forward (409, then read and patch) and dead-letters a schema-invalid one; the receiver never calls the API.
 * The server's audit log shows every request each made: none refused, each allowed by a grant the component is
 * declared to need, and every such grant used. A call outside the role is refused with 403.
 */
@WithRedis
@WithRealApiServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngesterServiceAccountsRealApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final RealApiServer server;
    private InstalledChart chart;

    IngesterServiceAccountsRealApiIT(RealApiServer server) {
        this.server = server;
    }

    @BeforeAll
    void installChart() {
        chart = InstalledChart.helmInstall(server);
    }

    @Test
    void theWriterDoesItsJobWithItsRoleAndNothingMore(RedisServerHandle redis) throws Exception {
        String namespace = chart.namespace();
        try (Ingester ingester = start(redis, ComponentPermissions.WRITER, "receiver,writer");
             RedisConnector connector = RedisConnector.create(RedisConnectionOptions.of(redis.uri()))) {
            String event = Fixtures.read("falco/http-output.json");
            for (int i = 0; i < 3; i++) {
                assertThat(ingester.post("/ingest/falco", event, "Content-Type", "application/json").statusCode())
                        .isEqualTo(202);
            }
            Await.until("the Observation counts 2 duplicates", WAIT,
                    () -> observations(namespace).size() == 1
                            && observations(namespace).get(0).at("/status/duplicateCount").asLong() == 2);

            ShardedEventQueue queue = RedisEventQueue.sharded(connector, 80_000);
            QueuedObservation redelivered = queued(namespace, "runtime_threat", "fp-redelivered");
            queue.append(List.of(redelivered, redelivered, queued(namespace, "Not-A-Valid-Type", "fp-invalid")));
            Await.until("the invalid entry is a dead letter", WAIT, () -> !queue.deadLetters().list(null, 10).items().isEmpty());
            Await.until("the redelivered entry is written once", WAIT, () -> observations(namespace).size() == 2);

            DeadLetter letter = queue.deadLetters().list(null, 10).items().get(0);
            assertThat(letter.reason()).isEqualTo("invalid");
            assertThat(letter.detail()).contains("spec.eventType");
            assertThat(server.kubectl("get", "obs", "--namespace", namespace)).contains("COUNT").containsPattern(
                    "falco\\s+security\\s+low\\s+terminal_shell_in_container\\s+2\\s");
            forbidden(() -> new CoreV1Api(ingester.bean(ApiClient.class)).createNamespacedSecret(namespace,
                    new V1Secret().metadata(new V1ObjectMeta().name("planted"))).execute());
        }

        List<AuditedRequest> requests = server.requestsBy(chart.user(ComponentPermissions.WRITER));
        assertThat(requests).filteredOn(r -> r.code() == 403 || r.code() == 401)
                .as("refused, besides the deliberate Secret").extracting(AuditedRequest::rbacResource)
                .containsExactly("secrets");
        List<AuditedRequest> ownRequests = requests.stream().filter(r -> !r.resource().equals("secrets")).toList();
        assertThat(ComponentPermissions.unexplained(ownRequests, ComponentPermissions.needed(ComponentPermissions.WRITER, chart)))
                .isEmpty();
        assertThat(ComponentPermissions.used(ownRequests, ComponentPermissions.needed(ComponentPermissions.WRITER, chart)))
                .isEqualTo(ComponentPermissions.needed(ComponentPermissions.WRITER, chart));
        assertThat(ownRequests).extracting(AuditedRequest::code).contains(201, 409, 422);
    }

    @Test
    void theReceiverNeverCallsTheApi(RedisServerHandle redis) {
        try (Ingester receiver = start(redis, ComponentPermissions.RECEIVER, "receiver")) {
            assertThat(receiver.post("/ingest/falco", Fixtures.read("falco/http-output.json"),
                    "Content-Type", "application/json").statusCode()).isEqualTo(202);
            assertThat(receiver.get("/health/readiness").statusCode()).isEqualTo(200);
            // A receiver has no API client of its own (RoleBeansIT), so try with its ServiceAccount's token.
            ApiClient receiverAccount = server.client(chart.token(ComponentPermissions.RECEIVER));
            forbidden(() -> new CustomObjectsApi(receiverAccount).createNamespacedCustomObject(
                    "zen.kube-zen.io", "v1alpha1", chart.namespace(), "observations", Map.of()).execute());
        }

        assertThat(server.requestsBy(chart.user(ComponentPermissions.RECEIVER)))
                .as("only the deliberate create").singleElement()
                .satisfies(request -> assertThat(request.code()).isEqualTo(403));
    }

    private Ingester start(RedisServerHandle redis, String component, String roles) {
        Map<String, Object> properties = new HashMap<>(server.clientProperties(chart.token(component)));
        properties.put("zen-watcher.roles", roles);
        properties.put("zen-watcher.redis.uri", redis.uri());
        properties.put("zen-watcher.receiver.allow-unauthenticated-builtins", true);
        properties.put("zen-watcher.receiver.default-namespace", chart.namespace());
        properties.put("zen-watcher.store.status-interval", "1s");
        properties.put("zen-watcher.queue.block", "100ms");
        return Ingester.start(properties);
    }

    private static QueuedObservation queued(String namespace, String eventType, String fingerprint) {
        Observation observation = TestObservations.observation(namespace, "falco", Severity.HIGH, eventType);
        ObservationSpec spec = observation.spec().withFingerprint(fingerprint);
        return new QueuedObservation(new Observation(namespace, observation.labels(), spec), fingerprint,
                TestObservations.FIRST_SEEN);
    }

    private List<JsonNode> observations(String namespace) {
        try {
            JsonNode list = JSON.valueToTree(new CustomObjectsApi(server.adminClient())
                    .listNamespacedCustomObject("zen.kube-zen.io", "v1alpha1", namespace, "observations").execute());
            return JSON.convertValue(list.get("items"), JSON.getTypeFactory().constructCollectionType(List.class,
                    JsonNode.class));
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void forbidden(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(403));
    }
}
