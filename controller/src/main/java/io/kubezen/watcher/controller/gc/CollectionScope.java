package io.kubezen.watcher.controller.gc;

import io.kubezen.watcher.install.Install;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Observations one install may delete: those in its namespaces that carry its install label and, when it adopts
 * them, those that carry none (written before installs had names). Two installs owning the same namespace therefore
 * never delete each other's Observations; GC and the cleanup endpoint both sweep through it.
 *
 * @param adoptUnlabeled collect Observations without an install label too; keep it on for exactly one install per
 *                       namespace, the one that wrote them
 */
public record CollectionScope(Install install, boolean adoptUnlabeled) {

    /**
     * The listings that together cover what {@code filter} selects within this scope: one per owned namespace (or one
     * across the cluster) and label. None when the filter names a namespace this install does not own.
     */
    public List<ObservationSelector> listings(ObservationSelector filter) {
        List<String> namespaces;
        if (filter.namespace() != null) {
            namespaces = install.owns(filter.namespace()) ? List.of(filter.namespace()) : List.of();
        } else {
            namespaces = install.ownsWholeCluster() ? Collections.singletonList(null) : install.namespaces();
        }
        List<String> labels = adoptUnlabeled ? List.of(install.name(), ObservationSelector.UNLABELED)
                : List.of(install.name());
        List<ObservationSelector> listings = new ArrayList<>();
        for (String namespace : namespaces) {
            for (String label : labels) {
                listings.add(filter.withScope(namespace, label));
            }
        }
        return listings;
    }
}
