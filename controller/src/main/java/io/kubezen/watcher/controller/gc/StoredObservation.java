package io.kubezen.watcher.controller.gc;

import java.time.Instant;
import java.util.Objects;

/**
 * What GC and the cleanup endpoint need to know about one stored Observation resource.
 *
 * @param uid                     tells this object from a later one of the same name; deletes are conditional on it
 * @param ttlSecondsAfterCreation the spec field; null when the Observation does not set it
 * @param source                  the {@code zen.kube-zen.io/source} label; null when absent
 * @param severity                the {@code zen.kube-zen.io/severity} label; null when absent
 * @param install                 the {@code zen.kube-zen.io/install} label; null when absent
 */
public record StoredObservation(String namespace, String name, String uid, Instant createdAt,
                                Long ttlSecondsAfterCreation, String source, String severity, String install) {

    public StoredObservation {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** {@code namespace/name}, as kubectl shows it. */
    public String key() {
        return namespace + "/" + name;
    }
}
