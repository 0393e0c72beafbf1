package io.kubezen.watcher.ingester.writer.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.ingester.writer.FailureReason;
import io.kubezen.watcher.ingester.writer.ObservationJson;
import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.ObservationSinkContract;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.SeenStatus;
import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.ingester.writer.WriteRails;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.ingester.writer.throttle.ManualClock;
import io.kubezen.watcher.ingester.writer.throttle.RetryListener;
import io.kubezen.watcher.ingester.writer.throttle.RetryPolicy;
import io.kubezen.watcher.ingester.writer.throttle.RetryingObservationSink;
import io.kubezen.watcher.ingester.writer.throttle.WriteThrottle;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.testing.kube.Fault;
import io.kubezen.watcher.testing.kube.TestApiServer;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The sink through client-java's real HTTP path against the project's test API server, which loads our CRDs. */
class KubernetesObservationSinkIT extends ObservationSinkContract {

    private static final String OBSERVATIONS_PATH = "/apis/zen.kube-zen.io/v1alpha1/namespaces/[^/]+/observations";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final WriteThrottle throttle = new WriteThrottle(WriteThrottle.DEFAULT_QPS, WriteThrottle.DEFAULT_BURST, clock, clock);
    private TestApiServer server;

    @Override
    protected ObservationSink newSink(WriteRails rails) {
        server = TestApiServer.builder().repositoryCrds().namespaces(NAMESPACE).build().start();
        return new KubernetesObservationSink(server.apiClient(), rails, throttle);
    }

    @Override
    protected List<Stored> stored(String namespace) throws IOException {
        List<Stored> stored = new ArrayList<>();
        for (JsonNode item : get("/apis/zen.kube-zen.io/v1alpha1/namespaces/" + namespace + "/observations").path("items")) {
            stored.add(new Stored(item.path("metadata").path("name").asText(),
                    ObservationJson.MAPPER.treeToValue(item.path("spec"), ObservationSpec.class)));
        }
        return stored;
    }

    @Override
    protected SeenStatus status(String namespace, String name) throws IOException {
        JsonNode status = get("/apis/zen.kube-zen.io/v1alpha1/namespaces/" + namespace + "/observations/" + name)
                .path("status");
        return status.has("lastSeen") ? new SeenStatus(Instant.parse(status.path("firstSeen").asText()),
                Instant.parse(status.path("lastSeen").asText()), status.path("duplicateCount").asLong()) : null;
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void createdObservationCarriesTheNormalizeLabelsAndManagedBy() throws IOException {
        ObservationWrite write = TestObservations.write(NAMESPACE, "falco", Severity.CRITICAL, "fp-labels");
        sink().write(write);

        JsonNode labels = get("/apis/zen.kube-zen.io/v1alpha1/namespaces/" + NAMESPACE + "/observations/" + write.name())
                .path("metadata").path("labels");

        assertThat(labels.path("app.kubernetes.io/managed-by").asText()).isEqualTo("zen-watcher");
        assertThat(labels.path("zen.kube-zen.io/source").asText()).isEqualTo("falco");
        assertThat(labels.path("zen.kube-zen.io/severity").asText()).isEqualTo("critical");
    }

    @Test
    void missingNamespaceIsPermanentNotFound() {
        ObservationSink sink = new KubernetesObservationSink(server.apiClient(), WriteRails.defaults(), throttle);

        WriteResult result = sink.write(TestObservations.write("gone", "falco", Severity.HIGH, "fp-gone"));

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.PERMANENT);
        assertThat(result.reason()).isEqualTo(FailureReason.NOT_FOUND);
        assertThat(result.message()).contains("gone");
    }

    @Test
    void throttledWriteCarriesRetryAfterAndPausesEveryWriter() {
        server.inject(Fault.status(429).on("POST", OBSERVATIONS_PATH).retryAfter(Duration.ofSeconds(3)));

        WriteResult throttled = sink().write(TestObservations.write(NAMESPACE, "falco", Severity.HIGH, "fp-429"));
        WriteResult next = sink().write(TestObservations.write(NAMESPACE, "falco", Severity.HIGH, "fp-next"));

        assertThat(throttled.outcome()).isEqualTo(WriteResult.Outcome.RETRYABLE);
        assertThat(throttled.reason()).isEqualTo(FailureReason.THROTTLED);
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(next.outcome()).isEqualTo(WriteResult.Outcome.CREATED);
        // The pause, then the status patch after the create, which takes one more token at the resumed rate.
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3),
                Duration.ofMillis((long) (1000 / WriteThrottle.DEFAULT_QPS)));
    }

    @Test
    void retryingSinkGetsThroughPassingServerErrors() {
        server.inject(Fault.status(503).on("POST", OBSERVATIONS_PATH).times(2));
        ObservationSink retrying = new RetryingObservationSink(sink(), RetryPolicy.defaults(), clock, new Random(7),
                RetryListener.NOOP);
        ObservationWrite write = TestObservations.write(NAMESPACE, "falco", Severity.HIGH, "fp-503");

        WriteResult result = retrying.write(write);

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.CREATED);
        assertThat(server.requestCount("POST", OBSERVATIONS_PATH)).isEqualTo(3);
    }

    @Test
    void forbiddenIsPermanent() {
        server.inject(Fault.status(403).on("POST", OBSERVATIONS_PATH));

        WriteResult result = sink().write(TestObservations.write(NAMESPACE, "falco", Severity.HIGH, "fp-403"));

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.PERMANENT);
        assertThat(result.reason()).isEqualTo(FailureReason.FORBIDDEN);
    }

    @Test
    void unreachableServerIsRetryable() {
        ObservationSink sink = sink();
        server.close();

        WriteResult result = sink.write(TestObservations.write(NAMESPACE, "falco", Severity.HIGH, "fp-down"));

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.RETRYABLE);
        assertThat(result.reason()).isEqualTo(FailureReason.UNAVAILABLE);
    }

    private ObservationSink sink() {
        return new KubernetesObservationSink(server.apiClient(), WriteRails.defaults(), throttle);
    }

    private JsonNode get(String path) throws IOException {
        Request request = new Request.Builder().url(server.baseUrl() + path).build();
        try (Response response = server.apiClient().getHttpClient().newCall(request).execute()) {
            assertThat(response.code()).as(path).isEqualTo(200);
            return ObservationJson.MAPPER.readTree(response.body().string());
        }
    }
}
