package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.NavigableMap;

/** Get and list, including label/field selection and paging with {@code limit}/{@code continue}. */
final class ResourceReads {

    private final ObjectStore store;

    ResourceReads(ObjectStore store) {
        this.store = store;
    }

    ObjectNode get(ResourceType type, String namespace, String name) {
        ObjectNode object = store.get(type, namespace, name);
        if (object == null) {
            throw ApiError.notFound(type, name);
        }
        return type.present(object);
    }

    /**
     * One page of a list. Every page of a paged list reads the snapshot of the first, as on a real server.
     * {@code remainingItemCount} is only given without selectors, because only then is it known cheaply there too.
     */
    ObjectNode list(ResourceType type, String namespace, ListOptions options) {
        ContinueToken token = options.continueToken().isEmpty() ? null : ContinueToken.decode(options.continueToken());
        ObjectStore.Snapshot snapshot = store.snapshot(type, token == null ? -1 : token.resourceVersion());
        NavigableMap<String, ObjectNode> objects = token == null ? snapshot.objects()
                : snapshot.objects().tailMap(token.startKey(), true);
        WatchFilter filter = options.filter(type, namespace);

        ObjectNode list = Json.object().put("apiVersion", type.apiVersion()).put("kind", type.listKind());
        ObjectNode metadata = list.putObject("metadata")
                .put("resourceVersion", Long.toString(snapshot.resourceVersion()));
        ArrayNode items = list.putArray("items");
        String lastKey = null;
        int remaining = 0;
        for (Map.Entry<String, ObjectNode> entry : objects.entrySet()) {
            if (!filter.matches(entry.getValue())) {
                continue;
            }
            if (options.limit() > 0 && items.size() == options.limit()) {
                remaining++;
            } else {
                items.add(asListItem(type, entry.getValue()));
                lastKey = entry.getKey();
            }
        }
        if (remaining > 0) {
            metadata.put("continue", new ContinueToken(snapshot.resourceVersion(), lastKey + "\u0000").encode());
            if (!options.hasSelectors()) {
                metadata.put("remainingItemCount", remaining);
            }
        }
        return list;
    }

    /** Typed lists of built-in resources carry no apiVersion/kind on their items; custom resource lists do. */
    static ObjectNode asListItem(ResourceType type, ObjectNode stored) {
        if (type.custom()) {
            return type.present(stored);
        }
        ObjectNode item = stored.deepCopy();
        item.remove("apiVersion");
        item.remove("kind");
        return item;
    }
}
