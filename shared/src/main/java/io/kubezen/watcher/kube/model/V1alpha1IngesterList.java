package io.kubezen.watcher.kube.model;

/** The list type of {@link V1alpha1Ingester}, as informers list it. */
public class V1alpha1IngesterList extends ObjectList<V1alpha1Ingester> {
}
