package io.kubezen.watcher.ingester.writer.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubezen.watcher.ingester.writer.DestinationResource;
import io.kubezen.watcher.ingester.writer.FailureReason;
import io.kubezen.watcher.ingester.writer.ObservationJson;
import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.WriteRails;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.ingester.writer.throttle.WriteThrottle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Creates each Observation with one POST to the API server. Idempotence comes from the deterministic name:
 * a redelivered entry meets 409 AlreadyExists, which counts as written. The status subresource is not
 * written: it would cost a second request per Observation, and the API server ignores status on create.
 *
 * <p>Every request first takes a token from the process-wide {@link WriteThrottle}; a 429 pauses the
 * throttle for every writer until the server's Retry-After has passed.
 */
public final class KubernetesObservationSink implements ObservationSink {

    static final String FIELD_MANAGER = "zen-watcher";

    private final CustomObjectsApi api;
    private final WriteRails rails;
    private final WriteThrottle throttle;

    public KubernetesObservationSink(ApiClient client, WriteRails rails, WriteThrottle throttle) {
        this.api = new CustomObjectsApi(client);
        this.rails = rails;
        this.throttle = throttle;
    }

    @Override
    public WriteResult write(ObservationWrite write) {
        Optional<WriteResult> refused = rails.refuse(write);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            throttle.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WriteResult.retryable(write.name(), FailureReason.INTERRUPTED, "interrupted before writing", null);
        }
        DestinationResource destination = write.destination();
        try {
            api.createNamespacedCustomObject(destination.group(), destination.version(), write.namespace(),
                            destination.plural(), body(write))
                    .fieldManager(FIELD_MANAGER)
                    .execute();
            return WriteResult.created(write.name());
        } catch (ApiException e) {
            WriteResult result = ApiFailures.classify(write.name(), e);
            if (result.reason() == FailureReason.THROTTLED && result.retryAfter() != null) {
                throttle.pauseFor(result.retryAfter());
            }
            return result;
        }
    }

    /** A plain map, so client-java's Gson sends the spec in Jackson's wire form (RFC 3339 times, absent fields left out). */
    static Map<String, Object> body(ObservationWrite write) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", write.name());
        metadata.put("namespace", write.namespace());
        metadata.put("labels", write.labels());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", write.destination().apiVersion());
        body.put("kind", write.destination().kind());
        body.put("metadata", metadata);
        body.put("spec", ObservationJson.MAPPER.convertValue(write.observation().spec(), Map.class));
        return body;
    }
}
