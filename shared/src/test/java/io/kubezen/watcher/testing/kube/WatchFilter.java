package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one watch (or list) wants to see: one resource at one version, optionally one namespace, and selectors.
 *
 * @param namespace null for all namespaces, and for cluster-scoped resources
 */
record WatchFilter(ResourceType type, String namespace, LabelSelector labels, FieldSelector fields) {

    boolean matches(ObjectNode object) {
        return (namespace == null || namespace.equals(object.path("metadata").path("namespace").asText()))
                && labels.matches(Json.labels(object))
                && fields.matches(object);
    }

    /**
     * The event as this watcher sees it, or null. Like the real watch cache, an update that moves an object into
     * the selection arrives as ADDED and one that moves it out arrives as DELETED.
     */
    WatchEvent translate(WatchEvent event) {
        if (!type.sameResource(event.resource())) {
            return null;
        }
        boolean now = matches(event.object());
        boolean before = event.previous() != null && matches(event.previous());
        WatchEvent.Type seen = switch (event.type()) {
            case ADDED -> now ? WatchEvent.Type.ADDED : null;
            case DELETED -> now ? WatchEvent.Type.DELETED : null;
            case MODIFIED -> now && before ? WatchEvent.Type.MODIFIED
                    : now ? WatchEvent.Type.ADDED
                    : before ? WatchEvent.Type.DELETED : null;
            case BOOKMARK -> null; // bookmarks are made per watch, the store never publishes one
        };
        return seen == null ? null : event.as(seen, type.present(event.object()));
    }
}
