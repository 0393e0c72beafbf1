package io.kubezen.watcher.controller.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.controller.gc.ObservationSelector;
import io.kubezen.watcher.controller.gc.StoredObservation;
import io.kubezen.watcher.controller.gc.kubernetes.KubernetesObservationStore;
import io.kubezen.watcher.controller.gc.kubernetes.TestObservations;
import io.kubezen.watcher.testing.MutableClock;
import io.kubezen.watcher.testing.kube.TestApiServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The manual cleanup endpoint over real HTTP, deleting from the test API server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservationCleanupIT {

    private static final String TOKEN = "s3cret-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock apiClock = new MutableClock(Instant.now());
    private final HttpClient http = HttpClient.newHttpClient();
    private TestApiServer api;
    private EmbeddedServer controller;
    private EmbeddedServer closedController;

    @BeforeAll
    void start() {
        api = TestApiServer.builder().repositoryCrds().namespaces("team-a", "team-b").clock(apiClock).build().start();
        controller = controller(Map.of("zen-watcher.admin.token", TOKEN));
        closedController = controller(Map.of());
    }

    @AfterAll
    void stop() {
        controller.getApplicationContext().close();
        closedController.getApplicationContext().close();
        api.close();
    }

    @BeforeEach
    void observations() throws Exception {
        KubernetesObservationStore store = new KubernetesObservationStore(api.apiClient());
        for (StoredObservation left : store.list(ObservationSelector.ALL, null, 1000).items()) {
            store.delete(left);
        }
        TestObservations observations = new TestObservations(api.apiClient());
        apiClock.set(Instant.now().minus(Duration.ofDays(2)));
        for (int i = 0; i < 15; i++) {
            observations.create(i % 2 == 0 ? "team-a" : "team-b", "old-falco-" + i, null, "falco", "low");
        }
        observations.create("team-a", "old-trivy", null, "trivy", "low");
        apiClock.set(Instant.now());
        observations.create("team-a", "new-falco", null, "falco", "low");
    }

    @Test
    void aDryRunCountsAndSamplesWithoutDeleting() throws Exception {
        HttpResponse<String> response = delete(controller, "olderThan=24h&source=falco&dryRun=true", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("matched").asLong()).isEqualTo(15);
        assertThat(report.get("deleted").asLong()).isZero();
        assertThat(report.get("sample")).hasSize(10);
        assertThat(report.get("sample").get(0).asText()).startsWith("team-a/old-falco-");
        assertThat(names()).hasSize(17);
    }

    @Test
    void withoutDryRunTheSelectedObservationsAreDeleted() throws Exception {
        HttpResponse<String> response = delete(controller, "olderThan=PT24H&source=falco&namespace=team-a", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("deleted").asLong()).isEqualTo(8);
        assertThat(names()).hasSize(9).contains("new-falco", "old-trivy", "old-falco-1")
                .noneMatch(name -> name.matches("old-falco-(0|2|4|6|8|10|12|14)"));
    }

    @Test
    void withoutAFilterNothingIsDeleted() throws Exception {
        HttpResponse<String> response = delete(controller, "dryRun=false", TOKEN);

        assertProblem(response, 400, "invalid-request", "at least one filter");
        assertThat(names()).hasSize(17);
    }

    @Test
    void anUnreadableAgeIsRefused() throws Exception {
        assertProblem(delete(controller, "olderThan=yesterday", TOKEN), 400, "invalid-request", "olderThan");
    }

    @Test
    void aMissingOrWrongTokenIsRefused() throws Exception {
        HttpResponse<String> missing = delete(controller, "source=falco", null);
        HttpResponse<String> wrong = delete(controller, "source=falco", "guess");

        assertProblem(missing, 401, "unauthenticated", "Bearer");
        assertThat(missing.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"admin\"");
        assertProblem(wrong, 401, "unauthenticated", "Bearer");
        assertThat(names()).hasSize(17);
    }

    @Test
    void withoutAConfiguredTokenTheEndpointIsClosed() throws Exception {
        HttpResponse<String> response = delete(closedController, "source=falco", TOKEN);

        assertProblem(response, 403, "forbidden", "ZEN_WATCHER_ADMIN_TOKEN");
        assertThat(names()).hasSize(17);
    }

    private EmbeddedServer controller(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("micronaut.server.port", -1);
        properties.put("kubernetes.client.base-path", api.baseUrl());
        properties.put("zen-watcher.gc.qps", 1000);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private HttpResponse<String> delete(EmbeddedServer server, String query, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(server.getURL() + "/api/v1/observations?" + query)).DELETE();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> names() {
        return new KubernetesObservationStore(api.apiClient()).list(ObservationSelector.ALL, null, 1000).items()
                .stream().map(StoredObservation::name).toList();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String slug, String detailPart)
            throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("tag:kube-zen.io,2025:zen-watcher/problem/" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).contains(detailPart);
    }
}
