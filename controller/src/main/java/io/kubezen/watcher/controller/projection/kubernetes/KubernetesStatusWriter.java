package io.kubezen.watcher.controller.projection.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;
import io.kubezen.watcher.config.IngesterStatus;
import io.kubezen.watcher.controller.projection.StatusWriter;
import io.kubezen.watcher.kube.model.V1alpha1Ingester;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A JSON merge patch of {@code status} on the status subresource; it replaces the fields we own and keeps the rest. */
public final class KubernetesStatusWriter implements StatusWriter {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .findAndAddModules()
            .build();

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final ApiClient client;
    private final CustomObjectsApi api;

    public KubernetesStatusWriter(ApiClient client) {
        this.client = client;
        this.api = new CustomObjectsApi(client);
    }

    @Override
    public void write(String namespace, String name, IngesterStatus status) {
        Map<String, Object> fields = new HashMap<>(JSON.convertValue(status, FIELDS));
        // Merge patch removes a field set to null: an Ingester that is no longer served has neither.
        fields.putIfAbsent("servedGeneration", null);
        fields.putIfAbsent("configVersion", null);
        // Written by LastEvents alone; an older value from the informer cache must not move it back.
        fields.remove("lastEventAt");
        patch(namespace, name, fields);
    }

    @Override
    public void writeLastEventAt(String namespace, String name, Instant lastEventAt) {
        patch(namespace, name, Map.of("lastEventAt", lastEventAt.toString()));
    }

    private void patch(String namespace, String name, Map<String, Object> fields) {
        String patch;
        try {
            patch = JSON.writeValueAsString(Map.of("status", fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an IngesterStatus is always JSON", e);
        }
        try {
            PatchUtils.patch(Object.class, () -> api.patchNamespacedCustomObjectStatus(V1alpha1Ingester.GROUP,
                    V1alpha1Ingester.VERSION, namespace, V1alpha1Ingester.PLURAL, name, new V1Patch(patch))
                    .buildCall(null), V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
        } catch (ApiException e) {
            throw new IllegalStateException("Writing the status of Ingester " + namespace + "/" + name
                    + " failed with HTTP " + e.getCode() + ": " + e.getResponseBody(), e);
        }
    }
}
