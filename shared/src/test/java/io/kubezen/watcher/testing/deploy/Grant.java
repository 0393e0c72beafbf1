package io.kubezen.watcher.testing.deploy;

import io.kubezen.watcher.testing.kube.real.AuditedRequest;

/**
 * One permission as RBAC grants it, flattened: one verb on one resource (or {@code resource/subresource}) of one
 * API group, in one namespace or cluster-wide ({@link #CLUSTER}), for any object or one by name.
 *
 * @param apiGroup     empty for the core group
 * @param resourceName empty for any name
 */
public record Grant(String namespace, String apiGroup, String resource, String verb, String resourceName)
        implements Comparable<Grant> {

    /** The namespace of a grant that holds in every namespace, and for cluster-scoped requests. */
    public static final String CLUSTER = "*";

    public static Grant cluster(String apiGroup, String resource, String verb) {
        return new Grant(CLUSTER, apiGroup, resource, verb, "");
    }

    public static Grant namespaced(String namespace, String apiGroup, String resource, String verb) {
        return new Grant(namespace, apiGroup, resource, verb, "");
    }

    public Grant named(String name) {
        return new Grant(namespace, apiGroup, resource, verb, name);
    }

    /** Whether RBAC would let this grant authorize the request. */
    public boolean allows(AuditedRequest request) {
        return request.isResourceRequest()
                && apiGroup.equals(request.apiGroup())
                && resource.equals(request.rbacResource())
                && verb.equals(request.verb())
                && (namespace.equals(CLUSTER) || namespace.equals(request.namespace()))
                && (resourceName.isEmpty() || resourceName.equals(request.name()));
    }

    @Override
    public int compareTo(Grant other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return verb + " " + (apiGroup.isEmpty() ? "" : apiGroup + "/") + resource
                + (resourceName.isEmpty() ? "" : "/" + resourceName) + " in " + namespace;
    }
}
