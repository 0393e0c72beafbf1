package io.kubezen.watcher.normalize;

import io.kubezen.watcher.model.ResourceRef;

/**
 * Bounds the parts of an Observation's {@code resource}. The CRD sets them no limit, but they come from payloads,
 * the Observation is stored in etcd, and the fingerprint reads them: an over-long part is shortened with a hash,
 * not cut, so that two resources stay two.
 */
final class ResourceRefs {

    /** The longest Kubernetes object name, a DNS subdomain's 253 characters; kinds and namespaces are shorter. */
    static final int MAX_LENGTH = 253;

    private ResourceRefs() {
    }

    static ResourceRef bounded(ResourceRef ref) {
        if (fits(ref.apiVersion()) && fits(ref.kind()) && fits(ref.name()) && fits(ref.namespace())) {
            return ref;
        }
        return new ResourceRef(shorten(ref.apiVersion()), shorten(ref.kind()), shorten(ref.name()),
                shorten(ref.namespace()));
    }

    private static boolean fits(String part) {
        return part == null || part.length() <= MAX_LENGTH;
    }

    private static String shorten(String part) {
        return part == null ? null : ShortNames.shorten(part, MAX_LENGTH, '-', c -> true);
    }
}
