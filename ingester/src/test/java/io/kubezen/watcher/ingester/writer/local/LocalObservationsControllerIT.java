package io.kubezen.watcher.ingester.writer.local;

import java.util.Map;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import io.micronaut.test.support.TestPropertyProvider;
import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.ingester.writer.ObservationJson;
import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.model.Severity;
import io.micronaut.context.ApplicationContext;
import io.kubezen.watcher.ingester.Ingester;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalObservationsControllerIT implements TestPropertyProvider {

    private static final String ADMIN = "admin-token-1";

    @Override
    public Map<String, String> getProperties() {
        try {
            // The writer role's own local sink, on a file of this test's alone.
            Path file = Files.createTempDirectory("observations").resolve("observations.jsonl");
            return Map.of("zen-watcher.writer.local-sink-path", file.toString(), "zen-watcher.admin.token", ADMIN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonLinesObservationSink sink;

    @BeforeAll
    void writeSome() {
        sink.writeAll(List.of(
                TestObservations.write("apps", "falco", Severity.HIGH, "first"),
                TestObservations.write("apps", "trivy", Severity.CRITICAL, "second"),
                TestObservations.write("apps", "falco", Severity.LOW, "third")));
    }

    @Test
    void listsNewestFirstAsAKubernetesStyleList() throws IOException {
        JsonNode list = get("/api/v1/observations");

        assertThat(list.path("kind").asText()).isEqualTo("ObservationList");
        assertThat(fingerprints(list)).containsExactly("third", "second", "first");
        assertThat(list.path("items").get(0).path("metadata").path("name").asText()).startsWith("falco-");
    }

    @Test
    void filtersBySourceAndSeverityAndLimits() throws IOException {
        assertThat(fingerprints(get("/api/v1/observations?source=falco"))).containsExactly("third", "first");
        assertThat(fingerprints(get("/api/v1/observations?severity=critical"))).containsExactly("second");
        assertThat(fingerprints(get("/api/v1/observations?limit=1"))).containsExactly("third");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"severity=urgent, severity", "limit=0, limit", "limit=1001, limit"})
    void meaninglessParameterIsAProblemNamingIt(String query, String parameter) throws IOException {
        HttpClientResponseException refused = catchThrowableOfType(
                () -> client.toBlocking().retrieve(withAdminToken("/api/v1/observations?" + query)),
                HttpClientResponseException.class);

        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(refused.getResponse().getContentType()).contains(MediaType.APPLICATION_JSON_PROBLEM_TYPE);
        JsonNode problem = ObservationJson.MAPPER.readTree(refused.getResponse().getBody(String.class).orElseThrow());
        assertThat(problem.path("field").asText()).isEqualTo(parameter);
        assertThat(problem.path("detail").asText()).startsWith(parameter + " must be");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {"no credential, none", "a wrong token, Bearer wrong-token"})
    void answersOnlyWithTheAdminToken(String name, String authorization) throws IOException {
        MutableHttpRequest<?> request = HttpRequest.GET("/api/v1/observations");
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }

        HttpClientResponseException refused = catchThrowableOfType(
                () -> client.toBlocking().retrieve(request, String.class), HttpClientResponseException.class);

        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(refused.getResponse().getContentType()).contains(MediaType.APPLICATION_JSON_PROBLEM_TYPE);
        JsonNode problem = ObservationJson.MAPPER.readTree(refused.getResponse().getBody(String.class).orElseThrow());
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(refused.getResponse().getBody(String.class).orElseThrow()).doesNotContain("falco");
    }

    @Test
    void answersWithoutTheAdminTokenInTheDevEnvironment(@TempDir Path dir) throws IOException {
        try (Ingester server = Ingester.start(Map.of("zen-watcher.roles", "writer",
                "zen-watcher.writer.local-sink-path", dir.resolve("observations.jsonl").toString(),
                "zen-watcher.admin.token", ADMIN), "dev")) {
            HttpResponse<String> response = server.get("/api/v1/observations");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(ObservationJson.MAPPER.readTree(response.body()).path("kind").asText()).isEqualTo("ObservationList");
        }
    }

    @Test
    void isClosedWithoutAConfiguredAdminToken(@TempDir Path dir) {
        try (Ingester server = Ingester.start(Map.of("zen-watcher.roles", "writer",
                "zen-watcher.writer.local-sink-path", dir.resolve("observations.jsonl").toString()))) {
            assertThat(server.get("/api/v1/observations").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void endpointDoesNotExistWithoutTheWriterRole() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("zen-watcher.roles", "receiver"))) {
            assertThat(context.findBean(LocalObservationsController.class)).isEmpty();
        }
    }

    private JsonNode get(String uri) throws IOException {
        return ObservationJson.MAPPER.readTree(client.toBlocking().retrieve(withAdminToken(uri), String.class));
    }

    private static MutableHttpRequest<?> withAdminToken(String uri) {
        return HttpRequest.GET(uri).bearerAuth(ADMIN);
    }

    private static List<String> fingerprints(JsonNode list) {
        return list.path("items").findValues("fingerprint").stream().map(JsonNode::asText).toList();
    }
}
