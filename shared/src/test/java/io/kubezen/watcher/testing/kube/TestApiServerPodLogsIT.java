package io.kubezen.watcher.testing.kube;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubezen.watcher.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code pods/{name}/log} as the kubelet behind a real API server serves it, for the logs source's tests. */
class TestApiServerPodLogsIT {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestApiServer server;

    @BeforeEach
    void startServer() throws ApiException {
        server = TestApiServer.builder().namespaces("shop").build().start();
        new CoreV1Api(server.apiClient()).createNamespacedPod("shop", new V1Pod()
                .metadata(new V1ObjectMeta().name("api-1"))
                .spec(new V1PodSpec().containers(List.of(new V1Container().name("api").image("shop"),
                        new V1Container().name("proxy").image("envoy"))))).execute();
        server.appendLog("shop", "api-1", "api", T0, "starting");
        server.appendLog("shop", "api-1", "api", T0.plusNanos(120_000_000), "ERROR disk full");
        server.appendLog("shop", "api-1", "proxy", T0.plusSeconds(1), "listening");
        server.appendLog("shop", "api-1", "api", T0.plusSeconds(2), "ready");
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void servesOneContainersLinesWithTheKubeletsTimestampsFromSinceTime() throws Exception {
        HttpResponse<String> all = get("container=api&timestamps=true");
        HttpResponse<String> since = get("container=api&timestamps=true&sinceTime=2026-01-01T10:00:00.12Z");
        HttpResponse<String> plain = get("container=proxy");

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).isEqualTo("2026-01-01T10:00:00Z starting\n2026-01-01T10:00:00.12Z ERROR disk full\n"
                + "2026-01-01T10:00:02Z ready\n");
        assertThat(since.body()).isEqualTo("2026-01-01T10:00:00.12Z ERROR disk full\n2026-01-01T10:00:02Z ready\n");
        assertThat(plain.body()).isEqualTo("listening\n");
    }

    @Test
    void aPodOfSeveralContainersNeedsTheContainerNamedAndAnUnknownPodIsNotFound() throws Exception {
        assertThat(get("").statusCode()).isEqualTo(400);
        assertThat(get("container=sidecar").statusCode()).isEqualTo(400);
        assertThat(HTTP.send(request("/api/v1/namespaces/shop/pods/nope/log"), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aFollowCarriesNewLinesUntilItsStreamsAreEnded() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> follow = follow("container=api&follow=true&sinceTime=2026-01-01T10:00:01Z", received);
        Await.until("the existing line arrived", Duration.ofSeconds(5), () -> received.size() == 1);

        server.appendLog("shop", "api-1", "api", T0.plusSeconds(3), "ERROR again");
        Await.until("the new line arrived", Duration.ofSeconds(5), () -> received.size() == 2);
        server.endLogStreams("shop", "api-1", "api");

        follow.get(5, TimeUnit.SECONDS);
        assertThat(received).containsExactly("ready", "ERROR again");
    }

    @Test
    void aFollowEndsWhenThePodIsDeleted() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> follow = follow("container=proxy&follow=true", received);
        Await.until("the existing line arrived", Duration.ofSeconds(5), () -> received.size() == 1);

        // Raw: this server answers a delete with a Status, where client-java expects the Pod a real server returns.
        HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/namespaces/shop/pods/api-1")).DELETE()
                .build(), HttpResponse.BodyHandlers.ofString());

        follow.get(5, TimeUnit.SECONDS);
        assertThat(received).containsExactly("listening");
    }

    private CompletableFuture<Void> follow(String query, List<String> received) {
        return HTTP.sendAsync(request("/api/v1/namespaces/shop/pods/api-1/log?" + query),
                HttpResponse.BodyHandlers.ofInputStream()).thenAccept(response -> {
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                            StandardCharsets.UTF_8))) {
                        lines.lines().forEach(received::add);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private HttpResponse<String> get(String query) throws Exception {
        return HTTP.send(request("/api/v1/namespaces/shop/pods/api-1/log?" + query), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build();
    }
}
