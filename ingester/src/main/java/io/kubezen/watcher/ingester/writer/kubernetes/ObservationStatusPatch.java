package io.kubezen.watcher.ingester.writer.kubernetes;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;
import io.kubezen.watcher.ingester.writer.DestinationResource;
import io.kubezen.watcher.ingester.writer.FailureReason;
import io.kubezen.watcher.ingester.writer.SeenStatus;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.ingester.writer.throttle.WriteThrottle;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves an Observation's status forward through the {@code status} subresource. The patch carries the
 * resourceVersion it was computed from, so a status written meanwhile by another writer makes it fail with 409
 * instead of being overwritten with older values; the step then reads again and retries. Only the three fields
 * the writer owns are patched: {@code processed} and conditions set by other consumers stay as they are.
 */
final class ObservationStatusPatch {

    private static final int MAX_CONFLICTS = 3;

    private final ApiClient client;
    private final CustomObjectsApi api;
    private final WriteThrottle throttle;

    ObservationStatusPatch(ApiClient client, WriteThrottle throttle) {
        this.client = client;
        this.api = new CustomObjectsApi(client);
        this.throttle = throttle;
    }

    /**
     * For an object just created: its status is empty and its resourceVersion known, so no read is needed. GONE
     * when it was deleted in between (garbage collection of an Observation created with an old timestamp, or an
     * operator): nothing is left to write.
     */
    WriteResult afterCreate(DestinationResource destination, String namespace, String name, Object created,
                            SeenStatus wanted) {
        try {
            patch(destination, namespace, name, resourceVersion(created), wanted);
            return WriteResult.of(WriteResult.Outcome.UPDATED, name);
        } catch (ApiException e) {
            return switch (e.getCode()) {
                case 409 -> bringForward(destination, namespace, name, wanted);
                case 404 -> WriteResult.of(WriteResult.Outcome.GONE, name);
                default -> ApiFailures.classify(name, e, throttle);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return interrupted(name);
        }
    }

    /** Reads the status and patches it when it does not cover {@code wanted}: UPDATED, UNCHANGED or GONE. */
    WriteResult bringForward(DestinationResource destination, String namespace, String name, SeenStatus wanted) {
        try {
            for (int attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
                Object current = api.getNamespacedCustomObject(destination.group(), destination.version(), namespace,
                        destination.plural(), name).execute();
                SeenStatus shown = shown(current, wanted);
                if (shown != null && shown.covers(wanted)) {
                    return WriteResult.of(WriteResult.Outcome.UNCHANGED, name);
                }
                try {
                    patch(destination, namespace, name, resourceVersion(current),
                            shown == null ? wanted : shown.max(wanted));
                    return WriteResult.of(WriteResult.Outcome.UPDATED, name);
                } catch (ApiException e) {
                    if (e.getCode() != 409) {
                        throw e;
                    }
                }
            }
            return WriteResult.retryable(name, FailureReason.CONFLICT,
                    "status changed under " + MAX_CONFLICTS + " attempts to update it", null);
        } catch (ApiException e) {
            return e.getCode() == 404 ? WriteResult.of(WriteResult.Outcome.GONE, name)
                    : ApiFailures.classify(name, e, throttle);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return interrupted(name);
        }
    }

    private void patch(DestinationResource destination, String namespace, String name, String resourceVersion,
                       SeenStatus status) throws ApiException, InterruptedException {
        throttle.acquire();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("firstSeen", status.firstSeen().toString());
        fields.put("lastSeen", status.lastSeen().toString());
        fields.put("duplicateCount", status.duplicateCount());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metadata", Map.of("resourceVersion", resourceVersion));
        body.put("status", fields);
        String json = client.getJSON().serialize(body);
        PatchUtils.patch(Object.class, () -> api.patchNamespacedCustomObjectStatus(destination.group(),
                        destination.version(), namespace, destination.plural(), name, new V1Patch(json))
                        .fieldManager(KubernetesObservationSink.FIELD_MANAGER).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
    }

    /** The status the object shows, or null when it has none of ours yet (or one this version cannot read). */
    private static SeenStatus shown(Object object, SeenStatus wanted) {
        if (!(object instanceof Map<?, ?> map) || !(map.get("status") instanceof Map<?, ?> status)) {
            return null;
        }
        try {
            Instant lastSeen = Instant.parse(String.valueOf(status.get("lastSeen")));
            long count = status.get("duplicateCount") instanceof Number number ? number.longValue() : -1;
            return count < 0 ? null : new SeenStatus(wanted.firstSeen(), lastSeen, count);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String resourceVersion(Object object) {
        if (object instanceof Map<?, ?> map && map.get("metadata") instanceof Map<?, ?> metadata
                && metadata.get("resourceVersion") != null) {
            return String.valueOf(metadata.get("resourceVersion"));
        }
        throw new IllegalStateException("the API server answered an Observation without metadata.resourceVersion");
    }

    private static WriteResult interrupted(String name) {
        return WriteResult.retryable(name, FailureReason.INTERRUPTED, "interrupted before writing the status", null);
    }
}
