package io.kubezen.watcher.ingester.writer.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubezen.watcher.ingester.writer.DestinationResource;
import io.kubezen.watcher.ingester.writer.FailureReason;
import io.kubezen.watcher.ingester.writer.ObservationJson;
import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.StatusWrite;
import io.kubezen.watcher.ingester.writer.WriteRails;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.ingester.writer.throttle.WriteThrottle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Creates each Observation with one POST to the API server, then sets its status with a PATCH of the status
 * subresource, because the API server ignores status on create. Idempotence comes from the deterministic name:
 * a redelivered entry meets 409 AlreadyExists, which counts as written once the status is brought forward (a
 * writer that died between the two requests left it empty).
 *
 * <p>Every write first takes a token from the process-wide {@link WriteThrottle}; a 429 pauses the
 * throttle for every writer until the server's Retry-After has passed. Reads of the status are not throttled.
 */
public final class KubernetesObservationSink implements ObservationSink {

    static final String FIELD_MANAGER = "zen-watcher";

    private final CustomObjectsApi api;
    private final WriteRails rails;
    private final WriteThrottle throttle;
    private final ObservationStatusPatch statuses;

    public KubernetesObservationSink(ApiClient client, WriteRails rails, WriteThrottle throttle) {
        this.api = new CustomObjectsApi(client);
        this.rails = rails;
        this.throttle = throttle;
        this.statuses = new ObservationStatusPatch(client, throttle);
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
        Object created;
        try {
            created = api.createNamespacedCustomObject(destination.group(), destination.version(), write.namespace(),
                            destination.plural(), body(write))
                    .fieldManager(FIELD_MANAGER)
                    .execute();
        } catch (ApiException e) {
            WriteResult result = ApiFailures.classify(write.name(), e, throttle);
            return result.outcome() == WriteResult.Outcome.ALREADY_EXISTS
                    ? asCreate(statuses.bringForward(destination, write.namespace(), write.name(), write.status()),
                            WriteResult.Outcome.ALREADY_EXISTS)
                    : result;
        }
        return asCreate(statuses.afterCreate(destination, write.namespace(), write.name(), created, write.status()),
                WriteResult.Outcome.CREATED);
    }

    @Override
    public WriteResult updateStatus(StatusWrite update) {
        Optional<WriteResult> refused = rails.refuse(update);
        if (refused.isPresent()) {
            return refused.get();
        }
        return statuses.bringForward(update.destination(), update.namespace(), update.name(), update.status());
    }

    /**
     * A create counts once its status is set too. An Observation that vanished between the two requests was
     * deleted by someone on purpose: the create is done.
     */
    private static WriteResult asCreate(WriteResult status, WriteResult.Outcome created) {
        return status.settled() ? WriteResult.of(created, status.name()) : status;
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
