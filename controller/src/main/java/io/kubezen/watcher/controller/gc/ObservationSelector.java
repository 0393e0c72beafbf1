package io.kubezen.watcher.controller.gc;

/**
 * Narrows a listing of zen-watcher's Observations; a null part matches everything.
 *
 * @param source   the {@code zen.kube-zen.io/source} label value
 * @param severity the {@code zen.kube-zen.io/severity} label value
 * @param install  the {@code zen.kube-zen.io/install} label value, or {@link #UNLABELED} for Observations without one
 */
public record ObservationSelector(String namespace, String source, String severity, String install) {

    public static final ObservationSelector ALL = new ObservationSelector(null, null, null, null);
    /** Selects Observations without an install label: those written before installs had names. */
    public static final String UNLABELED = "";

    /** Any install's. */
    public ObservationSelector(String namespace, String source, String severity) {
        this(namespace, source, severity, null);
    }

    public ObservationSelector withScope(String newNamespace, String newInstall) {
        return new ObservationSelector(newNamespace, source, severity, newInstall);
    }

    public boolean matches(StoredObservation observation) {
        return (namespace == null || namespace.equals(observation.namespace()))
                && (source == null || source.equals(observation.source()))
                && (severity == null || severity.equals(observation.severity()))
                && (install == null
                        || install.equals(observation.install() == null ? UNLABELED : observation.install()));
    }
}
