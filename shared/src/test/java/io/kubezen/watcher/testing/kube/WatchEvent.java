package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One change to one stored object, in resourceVersion order.
 *
 * @param object   the object after the change; for DELETED its last state, stamped with the deletion's version
 * @param previous the stored object before the change, null for ADDED; lets lists roll back to older versions
 *                 and lets watches with selectors turn a MODIFIED into ADDED or DELETED
 */
record WatchEvent(Type type, ResourceType resource, String key, ObjectNode object, ObjectNode previous,
                  long resourceVersion) {

    enum Type { ADDED, MODIFIED, DELETED, BOOKMARK }

    WatchEvent as(Type newType, ObjectNode newObject) {
        return new WatchEvent(newType, resource, key, newObject, previous, resourceVersion);
    }
}
