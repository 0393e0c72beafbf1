package io.kubezen.watcher.bench.bare;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BareEndpointIT {

    @Test
    void readsTheBodyAndAnswers202LikeTheIngester() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.getURI().resolve("/ingest/falco"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"rule\":\"Terminal shell in container\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.body()).isEqualTo(
                    "{\"source\":\"falco\",\"received\":1,\"accepted\":1,\"duplicates\":0,\"filtered\":0}");
        }
    }
}
