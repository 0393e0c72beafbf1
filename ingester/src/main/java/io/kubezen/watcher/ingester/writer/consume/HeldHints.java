package io.kubezen.watcher.ingester.writer.consume;

import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueuedObservationCodec;
import io.kubezen.watcher.queue.StatusHint;

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
 *
 * <p>A writer holds an update it reads for up to a status interval, so without a bound its memory would grow with the
 * rate of updates times that interval. Each is held decoded, without the entry's fields: about 420 bytes instead of
 * 770. Beyond {@code capacity} an update is not held: it stays pending in the queue, where the claim finds it.
 */
final class HeldHints {

    private final int capacity;
    private final PriorityQueue<Held> byRelease = new PriorityQueue<>(Comparator.comparing(Held::releaseAt));
    private final Set<String> ids = new HashSet<>();

    HeldHints(int capacity) {
        this.capacity = capacity;
    }

    /** Returns false, holding nothing, when {@code capacity} updates are held already and this is not one of them. */
    boolean hold(QueueEntry entry, StatusHint hint, Instant releaseAt) {
        if (ids.contains(entry.id())) {
            return true;
        }
        if (ids.size() >= capacity) {
            return false;
        }
        ids.add(entry.id());
        byRelease.add(new Held(entry.id(), entry.deliveries(), hint, releaseAt));
        return true;
    }

    /** Removes and returns the updates whose time has come, earliest first. */
    List<Held> releaseDue(Instant now) {
        List<Held> due = new ArrayList<>();
        while (!byRelease.isEmpty() && !byRelease.peek().releaseAt().isAfter(now)) {
            Held held = byRelease.poll();
            ids.remove(held.id());
            due.add(held);
        }
        return due;
    }

    int size() {
        return byRelease.size();
    }

    record Held(String id, int deliveries, StatusHint hint, Instant releaseAt) {

        /** The entry as it was read: its fields are the codec's for the hint, as admit.lua writes them too. */
        QueueEntry entry() {
            return new QueueEntry(id, QueuedObservationCodec.encode(hint), deliveries);
        }
    }
}
