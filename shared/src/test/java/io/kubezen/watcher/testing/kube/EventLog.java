package io.kubezen.watcher.testing.kube;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The bounded change history, standing in for etcd's: watches and continue tokens can start from any version
 * it still covers, older ones get 410 Expired. Not thread-safe; the store guards it.
 */
final class EventLog {

    private final int capacity;
    private final ArrayDeque<WatchEvent> events = new ArrayDeque<>();
    private long compactedThrough;

    EventLog(int capacity, long initialResourceVersion) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the watch history must keep at least one event");
        }
        this.capacity = capacity;
        this.compactedThrough = initialResourceVersion;
    }

    void append(WatchEvent event) {
        if (events.size() == capacity) {
            compactedThrough = events.removeFirst().resourceVersion();
        }
        events.addLast(event);
    }

    /** Forgets everything up to and including {@code resourceVersion}, as an etcd compaction does. */
    void compact(long resourceVersion) {
        while (!events.isEmpty() && events.peekFirst().resourceVersion() <= resourceVersion) {
            events.removeFirst();
        }
        compactedThrough = Math.max(compactedThrough, resourceVersion);
    }

    /** True when every change after {@code resourceVersion} is still known. */
    boolean covers(long resourceVersion) {
        return resourceVersion >= compactedThrough;
    }

    long compactedThrough() {
        return compactedThrough;
    }

    List<WatchEvent> after(long resourceVersion) {
        List<WatchEvent> result = new ArrayList<>();
        for (WatchEvent event : events) {
            if (event.resourceVersion() > resourceVersion) {
                result.add(event);
            }
        }
        return result;
    }

    List<WatchEvent> newestFirstAfter(long resourceVersion) {
        List<WatchEvent> result = new ArrayList<>();
        Iterator<WatchEvent> newestFirst = events.descendingIterator();
        while (newestFirst.hasNext()) {
            WatchEvent event = newestFirst.next();
            if (event.resourceVersion() <= resourceVersion) {
                break;
            }
            result.add(event);
        }
        return result;
    }
}
