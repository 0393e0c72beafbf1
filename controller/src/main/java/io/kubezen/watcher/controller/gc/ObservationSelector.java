package io.kubezen.watcher.controller.gc;

/**
 * Narrows a listing of zen-watcher's Observations; a null part matches everything.
 *
 * @param source   the {@code zen.kube-zen.io/source} label value
 * @param severity the {@code zen.kube-zen.io/severity} label value
 */
public record ObservationSelector(String namespace, String source, String severity) {

    public static final ObservationSelector ALL = new ObservationSelector(null, null, null);

    public boolean matches(StoredObservation observation) {
        return (namespace == null || namespace.equals(observation.namespace()))
                && (source == null || source.equals(observation.source()))
                && (severity == null || severity.equals(observation.severity()));
    }
}
