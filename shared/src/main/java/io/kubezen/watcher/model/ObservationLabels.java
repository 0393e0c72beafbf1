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
    /**
     * The name of the install whose writer created the Observation; GC and cleanup of one install select by it, so
     * installs sharing namespaces never collect each other's Observations. Set by the writer, not by normalize.
     */
    public static final String INSTALL = "zen.kube-zen.io/install";

    private ObservationLabels() {
    }
}
