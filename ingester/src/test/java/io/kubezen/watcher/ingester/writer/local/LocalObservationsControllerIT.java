package io.kubezen.watcher.ingester.writer.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.ingester.writer.ObservationJson;
import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.ingester.writer.WriteRails;
import io.kubezen.watcher.model.Severity;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest
@Property(name = "spec.name", value = "LocalObservationsControllerIT")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalObservationsControllerIT {

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

    @Test
    void unknownSeverityOrLimitOutOfRangeIsABadRequest() {
        for (String query : new String[] {"severity=urgent", "limit=0", "limit=1001"}) {
            assertThatThrownBy(() -> client.toBlocking().retrieve("/api/v1/observations?" + query))
                    .as(query)
                    .isInstanceOfSatisfying(HttpClientResponseException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode()));
        }
    }

    @Test
    void endpointDoesNotExistWithoutTheLocalSink() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.findBean(LocalObservationsController.class)).isEmpty();
        }
    }

    private JsonNode get(String uri) throws IOException {
        return ObservationJson.MAPPER.readTree(client.toBlocking().retrieve(HttpRequest.GET(uri), String.class));
    }

    private static List<String> fingerprints(JsonNode list) {
        return list.path("items").findValues("fingerprint").stream().map(JsonNode::asText).toList();
    }

    @Factory
    @Requires(property = "spec.name", value = "LocalObservationsControllerIT")
    static class LocalSinkFactory {

        @Bean(preDestroy = "close")
        @Singleton
        JsonLinesObservationSink sink() throws IOException {
            return new JsonLinesObservationSink(Files.createTempDirectory("observations").resolve("observations.jsonl"),
                    WriteRails.defaults(), Clock.systemUTC());
        }
    }
}
