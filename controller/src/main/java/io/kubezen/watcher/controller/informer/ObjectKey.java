package io.kubezen.watcher.controller.informer;

import java.util.Objects;

/**
 * Names one watched object: what informer handlers enqueue and what the sync step works on.
 *
 * @param namespace null for a cluster-scoped object
 */
public record ObjectKey(String namespace, String name) {

    public ObjectKey {
        Objects.requireNonNull(name, "name");
    }

    /** {@code namespace/name}, or {@code name} when cluster-scoped: client-java's cache key, and ours in Redis. */
    @Override
    public String toString() {
        return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }
}
