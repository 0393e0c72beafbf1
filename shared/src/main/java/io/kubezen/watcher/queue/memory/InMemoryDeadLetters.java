package io.kubezen.watcher.queue.memory;

import io.kubezen.watcher.queue.DeadLetter;
import io.kubezen.watcher.queue.DeadLetterCodec;
import io.kubezen.watcher.queue.DeadLetters;
import io.kubezen.watcher.queue.EntryId;
import io.kubezen.watcher.store.Page;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The dead letters of an {@link InMemoryEventQueue}, stored in the same entry format as the Redis stream and
 * guarded by the queue's lock: dead-lettering and replay move an entry between the two in one step. Ids are
 * made from the clock as Redis makes them, so they tell when each entry was given up on.
 */
final class InMemoryDeadLetters implements DeadLetters {

    private final InMemoryEventQueue queue;
    private final ReentrantLock lock;
    private final Clock clock;
    private final TreeMap<EntryId, Map<String, String>> letters = new TreeMap<>();
    private EntryId lastId = new EntryId(0, 0);

    InMemoryDeadLetters(InMemoryEventQueue queue, ReentrantLock lock, Clock clock) {
        this.queue = queue;
        this.lock = lock;
        this.clock = clock;
    }

    @Override
    public Page<DeadLetter> list(String cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        lock.lock();
        try {
            NavigableMap<EntryId, Map<String, String>> after =
                    cursor == null ? letters : letters.tailMap(EntryId.parse(cursor), false);
            List<DeadLetter> page = new ArrayList<>();
            for (Map.Entry<EntryId, Map<String, String>> letter : after.entrySet()) {
                if (page.size() == limit) {
                    return new Page<>(page, page.get(limit - 1).id());
                }
                page.add(DeadLetterCodec.decode(letter.getKey().toString(), letter.getValue()));
            }
            return new Page<>(page, null);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int replay(List<String> ids) {
        SortedSet<EntryId> requested = new TreeSet<>(ids.stream().map(EntryId::parse).toList());
        lock.lock();
        try {
            List<EntryId> found = requested.stream().filter(letters::containsKey).toList();
            queue.appendFields(found.stream()
                    .map(id -> DeadLetterCodec.decode(id.toString(), letters.get(id)).fields())
                    .toList());
            found.forEach(letters::remove);
            return found.size();
        } finally {
            lock.unlock();
        }
    }

    /** Holds the lock throughout, so nothing can be dead-lettered while it runs. */
    @Override
    public long replayAll() {
        lock.lock();
        try {
            return replay(letters.keySet().stream().map(EntryId::toString).toList());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean delete(String id) {
        EntryId key = EntryId.parse(id);
        lock.lock();
        try {
            return letters.remove(key) != null;
        } finally {
            lock.unlock();
        }
    }

    /** Called by the queue with the lock held. */
    void add(Map<String, String> fields) {
        lastId = lastId.next(clock.millis());
        letters.put(lastId, fields);
    }

    long count() {
        return letters.size();
    }
}
