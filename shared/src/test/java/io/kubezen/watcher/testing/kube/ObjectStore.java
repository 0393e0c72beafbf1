package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Storage with one resourceVersion counter for everything, like etcd: every write gets the next version, is
 * recorded in the history and offered to every open watch, all under one lock so the order is total. Objects are
 * kept per resource (all versions share), keyed {@code namespace/name} so lists come out in etcd's order.
 * Stored objects are never mutated; writers replace them.
 */
final class ObjectStore {

    /** Versions start high enough that no real client treats them as the special {@code "0"}. */
    static final long INITIAL_RESOURCE_VERSION = 1000;

    private final Object lock = new Object();
    private final Map<String, TreeMap<String, ObjectNode>> resources = new HashMap<>();
    private final Set<Subscription> subscriptions = new LinkedHashSet<>();
    private final EventLog history;
    private long resourceVersion = INITIAL_RESOURCE_VERSION;

    ObjectStore(int historySize) {
        this.history = new EventLog(historySize, INITIAL_RESOURCE_VERSION);
    }

    static String key(String namespace, String name) {
        return namespace == null ? name : namespace + "/" + name;
    }

    ObjectNode get(ResourceType type, String namespace, String name) {
        synchronized (lock) {
            return objects(type).get(key(namespace, name));
        }
    }

    /**
     * Atomically replaces one object with what {@code change} makes of the current one (null when absent). The
     * change must not mutate its argument; returning that same instance means "no change" and writes nothing.
     */
    ObjectNode put(ResourceType type, String namespace, String name, UnaryOperator<ObjectNode> change) {
        synchronized (lock) {
            String key = key(namespace, name);
            ObjectNode current = objects(type).get(key);
            ObjectNode next = change.apply(current);
            if (next == current) {
                return current;
            }
            long version = ++resourceVersion;
            Json.metadata(next).put("resourceVersion", Long.toString(version));
            objects(type).put(key, next);
            publish(new WatchEvent(current == null ? WatchEvent.Type.ADDED : WatchEvent.Type.MODIFIED, type, key,
                    next, current, version));
            return next;
        }
    }

    /** Removes one object after {@code precondition} accepted it; returns its last state at the deletion's version. */
    ObjectNode remove(ResourceType type, String namespace, String name, Consumer<ObjectNode> precondition) {
        synchronized (lock) {
            String key = key(namespace, name);
            ObjectNode current = objects(type).get(key);
            if (current == null) {
                throw ApiError.notFound(type, name);
            }
            precondition.accept(current);
            long version = ++resourceVersion;
            ObjectNode deleted = current.deepCopy();
            Json.metadata(deleted).put("resourceVersion", Long.toString(version));
            objects(type).remove(key);
            publish(new WatchEvent(WatchEvent.Type.DELETED, type, key, deleted, current, version));
            return deleted;
        }
    }

    /**
     * The resource's objects as they were at {@code atVersion} (or now, when negative), keyed and ordered by
     * {@code namespace/name}, rebuilt from the history; 410 Expired once the history no longer reaches back.
     */
    Snapshot snapshot(ResourceType type, long atVersion) {
        synchronized (lock) {
            NavigableMap<String, ObjectNode> objects = new TreeMap<>(objects(type));
            if (atVersion < 0 || atVersion >= resourceVersion) {
                return new Snapshot(objects, resourceVersion);
            }
            if (!history.covers(atVersion)) {
                throw ApiError.expired("The provided continue parameter is too old to display a consistent list "
                        + "result. You can start a new list without the continue parameter.");
            }
            for (WatchEvent event : history.newestFirstAfter(atVersion)) {
                if (event.resource().sameResource(type)) {
                    if (event.previous() == null) {
                        objects.remove(event.key());
                    } else {
                        objects.put(event.key(), event.previous());
                    }
                }
            }
            return new Snapshot(objects, atVersion);
        }
    }

    /**
     * Opens a watch. From a version: replays the changes after it (410 Expired when the history no longer has
     * them). Without one: starts with a synthetic ADDED for every current match, as for {@code ""} and {@code "0"},
     * followed, when {@code markInitialEventsEnd}, by the bookmark that {@code sendInitialEvents} asks for.
     */
    Subscription watch(WatchFilter filter, Long fromVersion, boolean markInitialEventsEnd) {
        synchronized (lock) {
            Subscription subscription = new Subscription(filter, resourceVersion, this::forget);
            if (fromVersion != null) {
                if (!history.covers(fromVersion)) {
                    throw ApiError.expired("too old resource version: " + fromVersion + " ("
                            + history.compactedThrough() + ")");
                }
                history.after(fromVersion).forEach(subscription::offer);
            } else {
                for (Map.Entry<String, ObjectNode> entry : objects(filter.type()).entrySet()) {
                    if (filter.matches(entry.getValue())) {
                        subscription.offerAsIs(new WatchEvent(WatchEvent.Type.ADDED, filter.type(), entry.getKey(),
                                filter.type().present(entry.getValue()), null, resourceVersion));
                    }
                }
                if (markInitialEventsEnd) {
                    ObjectNode bookmark = WatchStream.bookmark(filter.type(), resourceVersion);
                    Json.metadata(bookmark).putObject("annotations").put("k8s.io/initial-events-end", "true");
                    subscription.offerAsIs(new WatchEvent(WatchEvent.Type.BOOKMARK, filter.type(), "", bookmark,
                            null, resourceVersion));
                }
            }
            subscriptions.add(subscription);
            return subscription;
        }
    }

    long resourceVersion() {
        synchronized (lock) {
            return resourceVersion;
        }
    }

    void compact() {
        synchronized (lock) {
            history.compact(resourceVersion);
        }
    }

    void closeWatches() {
        List<Subscription> open;
        synchronized (lock) {
            open = new ArrayList<>(subscriptions);
        }
        open.forEach(Subscription::close);
    }

    private void forget(Subscription subscription) {
        synchronized (lock) {
            subscriptions.remove(subscription);
        }
    }

    private void publish(WatchEvent event) {
        history.append(event);
        subscriptions.forEach(s -> s.offer(event));
    }

    private TreeMap<String, ObjectNode> objects(ResourceType type) {
        return resources.computeIfAbsent(type.groupResource(), r -> new TreeMap<>());
    }

    /** A resource's objects at one version, keyed {@code namespace/name}. */
    record Snapshot(NavigableMap<String, ObjectNode> objects, long resourceVersion) {
    }
}
