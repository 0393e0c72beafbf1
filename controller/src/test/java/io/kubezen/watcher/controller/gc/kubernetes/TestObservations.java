package io.kubezen.watcher.controller.gc.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationLabels;

import java.util.HashMap;
import java.util.Map;

/** Creates Observation resources through the API, shaped as the writer makes them. */
public final class TestObservations {

    private final CustomObjectsApi api;

    public TestObservations(ApiClient client) {
        this.api = new CustomObjectsApi(client);
    }

    public void create(String namespace, String name, Long ttlSeconds, String source, String severity)
            throws ApiException {
        create(namespace, name, ttlSeconds, source, severity, ObservationLabels.MANAGED_BY_VALUE);
    }

    public void create(String namespace, String name, Long ttlSeconds, String source, String severity,
                       String managedBy) throws ApiException {
        create(namespace, name, ttlSeconds, source, severity, managedBy, null);
    }

    /** As the writer of {@code install} makes them; without an install label, as earlier writers did, when null. */
    public void createOfInstall(String install, String namespace, String name, Long ttlSeconds) throws ApiException {
        create(namespace, name, ttlSeconds, "falco", "high", ObservationLabels.MANAGED_BY_VALUE, install);
    }

    private void create(String namespace, String name, Long ttlSeconds, String source, String severity,
                        String managedBy, String install) throws ApiException {
        Map<String, Object> spec = new HashMap<>(Map.of(
                "source", source, "category", "security", "severity", severity, "eventType", "runtime_threat"));
        if (ttlSeconds != null) {
            spec.put("ttlSecondsAfterCreation", ttlSeconds);
        }
        Map<String, String> labels = new HashMap<>(Map.of(
                ObservationLabels.MANAGED_BY, managedBy,
                ObservationLabels.SOURCE, source,
                ObservationLabels.SEVERITY, severity));
        if (install != null) {
            labels.put(ObservationLabels.INSTALL, install);
        }
        Map<String, Object> body = Map.of(
                "apiVersion", Observation.API_GROUP + "/" + Observation.API_VERSION,
                "kind", Observation.KIND,
                "metadata", Map.of("name", name, "namespace", namespace, "labels", labels),
                "spec", spec);
        api.createNamespacedCustomObject(Observation.API_GROUP, Observation.API_VERSION, namespace, Observation.PLURAL,
                body).execute();
    }
}
