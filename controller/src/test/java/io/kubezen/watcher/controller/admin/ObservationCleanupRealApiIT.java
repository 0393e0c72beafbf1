package io.kubezen.watcher.controller.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.controller.gc.ObservationSelector;
import io.kubezen.watcher.controller.gc.StoredObservation;
import io.kubezen.watcher.controller.gc.kubernetes.KubernetesObservationStore;
import io.kubezen.watcher.controller.gc.kubernetes.TestObservations;
import io.kubezen.watcher.testing.kube.real.RealApiServer;
import io.kubezen.watcher.testing.kube.real.WithRealApiServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manual cleanup endpoint of the controller app against a real kube-apiserver: a dry run counts and samples
 * without deleting, the real run deletes exactly what it selected.
 */
@WithRealApiServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservationCleanupRealApiIT {

    private static final String TOKEN = "s3cret-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RealApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedServer controller;

    ObservationCleanupRealApiIT(RealApiServer server) {
        this.server = server;
    }

    @BeforeAll
    void start() {
        Map<String, Object> properties = new HashMap<>(server.adminClientProperties());
        properties.put("micronaut.server.port", -1);
        properties.put("zen-watcher.admin.token", TOKEN);
        properties.put("zen-watcher.gc.qps", 1000);
        controller = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @AfterAll
    void stop() {
        controller.getApplicationContext().close();
    }

    @Test
    void aDryRunDeletesNothingAndTheRealRunExactlyWhatItCounted() throws Exception {
        String namespace = server.createNamespace("cleanup");
        TestObservations observations = new TestObservations(server.adminClient());
        for (int i = 0; i < 12; i++) {
            observations.create(namespace, "falco-" + i, null, "falco", "low");
        }
        observations.create(namespace, "trivy-0", null, "trivy", "low");

        JsonNode dryRun = delete("namespace=" + namespace + "&source=falco&dryRun=true");
        assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.get("matched").asLong()).isEqualTo(12);
        assertThat(dryRun.get("deleted").asLong()).isZero();
        assertThat(dryRun.get("sample")).hasSize(10);
        assertThat(names(namespace)).hasSize(13);

        JsonNode run = delete("namespace=" + namespace + "&source=falco");
        assertThat(run.get("deleted").asLong()).isEqualTo(12);
        assertThat(names(namespace)).containsExactly("trivy-0");
    }

    private JsonNode delete(String query) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(controller.getURL() + "/api/v1/observations?" + query)).DELETE()
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private List<String> names(String namespace) {
        return new KubernetesObservationStore(server.adminClient())
                .list(new ObservationSelector(namespace, null, null), null, 1000).items()
                .stream().map(StoredObservation::name).toList();
    }
}
