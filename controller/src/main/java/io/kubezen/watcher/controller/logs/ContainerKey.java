package io.kubezen.watcher.controller.logs;

import java.util.Objects;

/** One container of one pod, the unit a logs source streams and remembers its position for. */
public record ContainerKey(String namespace, String pod, String container) {

    public ContainerKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(container, "container");
    }

    /** {@code <namespace>/<pod>/<container>}, as Redis keys and logs name it. */
    @Override
    public String toString() {
        return namespace + "/" + pod + "/" + container;
    }
}
