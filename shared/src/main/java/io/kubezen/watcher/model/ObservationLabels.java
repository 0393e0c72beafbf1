package io.kubezen.watcher.model;

/**
 * Labels every Observation carries, so that {@code kubectl get obs -l ...}, GC and dashboards can select
 * by source, category and severity without reading specs.
 */
public final class ObservationLabels {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "zen-watcher";
    public static final String SOURCE = "zen.kube-zen.io/source";
    public static final String CATEGORY = "zen.kube-zen.io/category";
    public static final String SEVERITY = "zen.kube-zen.io/severity";

    private ObservationLabels() {
    }
}
