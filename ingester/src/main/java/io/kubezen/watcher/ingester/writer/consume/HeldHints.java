package io.kubezen.watcher.ingester.writer.consume;

import io.kubezen.watcher.queue.QueueEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Status updates a writer has read before they are due. They stay pending in the queue while held, unacknowledged,
 * so a writer that dies holding them loses nothing: another one claims them. An entry delivered again while held
 * (claimed back by this writer) is held once.
 */
final class HeldHints {

    private final PriorityQueue<Held> byRelease = new PriorityQueue<>(Comparator.comparing(Held::releaseAt));
    private final Set<String> ids = new HashSet<>();

    void hold(QueueEntry entry, Instant releaseAt) {
        if (ids.add(entry.id())) {
            byRelease.add(new Held(entry, releaseAt));
        }
    }

    /** Removes and returns the entries whose time has come, earliest first. */
    List<QueueEntry> releaseDue(Instant now) {
        List<QueueEntry> due = new ArrayList<>();
        while (!byRelease.isEmpty() && !byRelease.peek().releaseAt().isAfter(now)) {
            QueueEntry entry = byRelease.poll().entry();
            ids.remove(entry.id());
            due.add(entry);
        }
        return due;
    }

    int size() {
        return byRelease.size();
    }

    private record Held(QueueEntry entry, Instant releaseAt) {
    }
}
