package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * How an update combines the stored object with the incoming one, per the real server's strategies: system
 * metadata cannot be changed by clients, the main resource cannot change status (when there is a status
 * subresource) and the status subresource can change nothing else; {@code generation} counts spec changes.
 */
final class UpdateStrategy {

    private static final List<String> SYSTEM_METADATA = List.of("uid", "creationTimestamp", "generation",
            "deletionTimestamp", "deletionGracePeriodSeconds");

    private UpdateStrategy() {
    }

    static ObjectNode forMain(ResourceType type, ObjectNode current, ObjectNode incoming) {
        ObjectNode next = incoming.deepCopy();
        ObjectNode metadata = Json.metadata(next);
        JsonNode oldMetadata = current.path("metadata");
        for (String field : SYSTEM_METADATA) {
            if (oldMetadata.has(field)) {
                metadata.set(field, oldMetadata.get(field));
            } else {
                metadata.remove(field);
            }
        }
        if (type.statusSubresource()) {
            keepOnly(next, current, "status");
        }
        if (type.custom() && !withoutMetadataAndStatus(current, type).equals(withoutMetadataAndStatus(next, type))) {
            metadata.put("generation", oldMetadata.path("generation").asLong(1) + 1);
        }
        return next;
    }

    static ObjectNode forStatus(ObjectNode current, ObjectNode incoming) {
        ObjectNode next = current.deepCopy();
        keepOnly(next, incoming, "status");
        return next;
    }

    /** True when {@code next} differs from {@code current} only in resourceVersion: such writes are skipped. */
    static boolean unchanged(ObjectNode current, ObjectNode next) {
        ObjectNode a = current.deepCopy();
        ObjectNode b = next.deepCopy();
        Json.metadata(a).remove("resourceVersion");
        Json.metadata(b).remove("resourceVersion");
        return a.equals(b);
    }

    /** Sets {@code target}'s field to {@code source}'s, or removes it when the source has none. */
    private static void keepOnly(ObjectNode target, ObjectNode source, String field) {
        if (source.has(field)) {
            target.set(field, source.get(field).deepCopy());
        } else {
            target.remove(field);
        }
    }

    private static ObjectNode withoutMetadataAndStatus(ObjectNode object, ResourceType type) {
        ObjectNode copy = object.deepCopy();
        copy.remove("metadata");
        if (type.statusSubresource()) {
            copy.remove("status");
        }
        return copy;
    }
}
