package io.kubezen.watcher.normalize;

import io.kubezen.watcher.config.DestinationSpec;

import java.util.List;
import java.util.Set;

/**
 * Chooses the namespace an Observation is created in. It goes next to the affected resource only where
 * {@code destination.allowedNamespaces} allows it, because a sender must not be able to write into any
 * namespace it names; everything else goes to {@code destination.namespace}, or, when none is configured,
 * to the install's fallback namespace. Never silently to {@code default}.
 */
public final class NamespacePlacement {

    /** Where Observations go when a source names no destination: the namespace zen-watcher installs into. */
    public static final String DEFAULT_FALLBACK_NAMESPACE = "zen-system";

    private final boolean allowAll;
    private final Set<String> allowed;
    private final String destination;

    public NamespacePlacement(DestinationSpec spec, String fallbackNamespace) {
        List<String> allowedNamespaces = spec == null || spec.allowedNamespaces() == null
                ? List.of() : spec.allowedNamespaces();
        this.allowAll = allowedNamespaces.contains(DestinationSpec.ALL_NAMESPACES);
        this.allowed = Set.copyOf(allowedNamespaces);
        this.destination = spec != null && spec.namespace() != null && !spec.namespace().isBlank()
                ? spec.namespace() : fallbackNamespace;
    }

    /** @param affectedNamespace the affected resource's namespace; null for cluster-scoped or unknown */
    public String place(String affectedNamespace) {
        // A payload names the namespace, so a malformed one must not reach the API server as a create.
        if (KubernetesNames.isDnsLabel(affectedNamespace) && (allowAll || allowed.contains(affectedNamespace))) {
            return affectedNamespace;
        }
        return destination;
    }
}
