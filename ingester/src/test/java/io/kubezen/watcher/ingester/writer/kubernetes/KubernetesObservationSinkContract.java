package io.kubezen.watcher.ingester.writer.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubezen.watcher.ingester.writer.FailureReason;
import io.kubezen.watcher.ingester.writer.ObservationJson;
import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.ObservationSinkContract;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.SeenStatus;
import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.ingester.writer.WriteRails;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.ingester.writer.throttle.RecordingSleeper;
import io.kubezen.watcher.ingester.writer.throttle.WriteThrottle;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.testing.MutableClock;
import okhttp3.Call;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sink through client-java's real HTTP path against an API server serving our CRDs; subclassed per server.
 * What was stored is read back as the server's own JSON (client-java's maps would turn every number into a double).
 */
abstract class KubernetesObservationSinkContract extends ObservationSinkContract {

    private static final String GROUP = "zen.kube-zen.io";
    private static final String VERSION = "v1alpha1";
    private static final String PLURAL = "observations";

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    protected final RecordingSleeper sleeper = new RecordingSleeper(clock);
    protected final WriteThrottle throttle = new WriteThrottle(WriteThrottle.DEFAULT_QPS, WriteThrottle.DEFAULT_BURST,
            clock, sleeper);

    /** A client of the server, which may write everywhere. */
    protected abstract ApiClient client();

    @Override
    protected ObservationSink newSink(WriteRails rails) {
        return new KubernetesObservationSink(client(), rails, throttle);
    }

    @Override
    protected List<Stored> stored(String namespace) throws Exception {
        List<Stored> stored = new ArrayList<>();
        for (JsonNode item : read(api().listNamespacedCustomObject(GROUP, VERSION, namespace, PLURAL).buildCall(null))
                .path("items")) {
            stored.add(new Stored(item.path("metadata").path("name").asText(),
                    ObservationJson.MAPPER.treeToValue(item.path("spec"), ObservationSpec.class)));
        }
        return stored;
    }

    @Override
    protected SeenStatus status(String namespace, String name) throws Exception {
        JsonNode status = observation(namespace, name).path("status");
        return status.has("lastSeen") ? new SeenStatus(Instant.parse(status.path("firstSeen").asText()),
                Instant.parse(status.path("lastSeen").asText()), status.path("duplicateCount").asLong()) : null;
    }

    @Test
    void createdObservationCarriesTheNormalizeLabelsAndManagedBy() throws Exception {
        ObservationWrite write = TestObservations.write(namespace(), "falco", Severity.CRITICAL, "fp-labels");
        sink().write(write);

        JsonNode labels = observation(namespace(), write.name()).path("metadata").path("labels");

        assertThat(labels.path("app.kubernetes.io/managed-by").asText()).isEqualTo("zen-watcher");
        assertThat(labels.path("zen.kube-zen.io/source").asText()).isEqualTo("falco");
        assertThat(labels.path("zen.kube-zen.io/severity").asText()).isEqualTo("critical");
    }

    @Test
    void missingNamespaceIsPermanentNotFound() {
        WriteResult result = sink().write(TestObservations.write("gone", "falco", Severity.HIGH, "fp-gone"));

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.PERMANENT);
        assertThat(result.reason()).isEqualTo(FailureReason.NOT_FOUND);
        assertThat(result.message()).contains("gone");
    }

    protected ObservationSink sink() {
        return new KubernetesObservationSink(client(), WriteRails.defaults(), throttle);
    }

    private JsonNode observation(String namespace, String name) throws Exception {
        return read(api().getNamespacedCustomObject(GROUP, VERSION, namespace, PLURAL, name).buildCall(null));
    }

    private CustomObjectsApi api() {
        return new CustomObjectsApi(client());
    }

    private static JsonNode read(Call call) throws Exception {
        try (Response response = call.execute()) {
            assertThat(response.code()).as(call.request().url().toString()).isEqualTo(200);
            return ObservationJson.MAPPER.readTree(response.body().string());
        }
    }
}
