package io.kubezen.watcher.controller.projection;

import io.kubezen.watcher.kube.model.V1alpha1Ingester;

import java.util.Optional;
import java.util.Set;

/** The Ingesters the controller currently knows, by {@code namespace/name}: the informers' cache. */
public interface IngesterLookup {

    Optional<V1alpha1Ingester> get(String key);

    Set<String> keys();

    static String keyOf(V1alpha1Ingester ingester) {
        return ingester.getMetadata().getNamespace() + "/" + ingester.getMetadata().getName();
    }
}
