package io.kubezen.watcher.controller.gc.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1DeleteOptions;
import io.kubernetes.client.openapi.models.V1Preconditions;
import io.kubezen.watcher.controller.gc.ObservationSelector;
import io.kubezen.watcher.controller.gc.ObservationStore;
import io.kubezen.watcher.controller.gc.StoredObservation;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationLabels;
import io.kubezen.watcher.store.Page;
import io.kubezen.watcher.store.StoreUnavailableException;

import java.net.HttpURLConnection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Observations through the API server: lists with {@code limit}/{@code continue} and a label selector (managed
 * by zen-watcher, plus the selector's source, severity and install labels), across namespaces unless one is given;
 * deletes with a uid precondition, so an Observation recreated under the same name survives.
 */
public final class KubernetesObservationStore implements ObservationStore {

    private final CustomObjectsApi api;

    public KubernetesObservationStore(ApiClient client) {
        this.api = new CustomObjectsApi(client);
    }

    @Override
    public Page<StoredObservation> list(ObservationSelector selector, String cursor, int limit) {
        String labels = labelSelector(selector);
        try {
            Object list = selector.namespace() == null
                    ? api.listClusterCustomObject(Observation.API_GROUP, Observation.API_VERSION, Observation.PLURAL)
                            .labelSelector(labels).limit(limit)._continue(cursor).execute()
                    : api.listNamespacedCustomObject(Observation.API_GROUP, Observation.API_VERSION,
                                    selector.namespace(), Observation.PLURAL)
                            .labelSelector(labels).limit(limit)._continue(cursor).execute();
            return page(list);
        } catch (ApiException e) {
            throw unavailable("list Observations", e);
        }
    }

    @Override
    public boolean delete(StoredObservation observation) {
        try {
            api.deleteNamespacedCustomObject(Observation.API_GROUP, Observation.API_VERSION, observation.namespace(),
                            Observation.PLURAL, observation.name())
                    .body(new V1DeleteOptions().preconditions(new V1Preconditions().uid(observation.uid())))
                    .execute();
            return true;
        } catch (ApiException e) {
            // 404: deleted meanwhile; 409: the uid precondition failed, it is a newer Observation now.
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND || e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return false;
            }
            throw unavailable("delete Observation " + observation.key(), e);
        }
    }

    private static String labelSelector(ObservationSelector selector) {
        StringJoiner labels = new StringJoiner(",");
        labels.add(ObservationLabels.MANAGED_BY + "=" + ObservationLabels.MANAGED_BY_VALUE);
        if (selector.source() != null) {
            labels.add(ObservationLabels.SOURCE + "=" + selector.source());
        }
        if (selector.severity() != null) {
            labels.add(ObservationLabels.SEVERITY + "=" + selector.severity());
        }
        if (ObservationSelector.UNLABELED.equals(selector.install())) {
            labels.add("!" + ObservationLabels.INSTALL);
        } else if (selector.install() != null) {
            labels.add(ObservationLabels.INSTALL + "=" + selector.install());
        }
        return labels.toString();
    }

    /** Reads the list the client parsed into maps (numbers as doubles, times as strings). */
    @SuppressWarnings("unchecked")
    private static Page<StoredObservation> page(Object list) {
        Map<String, Object> body = (Map<String, Object>) list;
        List<Map<String, Object>> items = (List<Map<String, Object>>) body.getOrDefault("items", List.of());
        String next = (String) ((Map<String, Object>) body.getOrDefault("metadata", Map.of())).get("continue");
        return new Page<>(items.stream().map(KubernetesObservationStore::observation).toList(),
                next == null || next.isEmpty() ? null : next);
    }

    @SuppressWarnings("unchecked")
    private static StoredObservation observation(Map<String, Object> item) {
        Map<String, Object> metadata = (Map<String, Object>) item.get("metadata");
        Map<String, Object> spec = (Map<String, Object>) item.getOrDefault("spec", Map.of());
        Map<String, String> labels = (Map<String, String>) metadata.getOrDefault("labels", Map.of());
        Number ttl = (Number) spec.get("ttlSecondsAfterCreation");
        return new StoredObservation((String) metadata.get("namespace"), (String) metadata.get("name"),
                (String) metadata.get("uid"), OffsetDateTime.parse((String) metadata.get("creationTimestamp")).toInstant(),
                ttl == null ? null : ttl.longValue(), labels.get(ObservationLabels.SOURCE),
                labels.get(ObservationLabels.SEVERITY), labels.get(ObservationLabels.INSTALL));
    }

    private static StoreUnavailableException unavailable(String what, ApiException e) {
        return new StoreUnavailableException("Could not " + what + ": HTTP " + e.getCode() + " " + e.getMessage(), e);
    }
}
