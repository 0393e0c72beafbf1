package io.kubezen.watcher.queue.memory;

import io.kubezen.watcher.queue.DeadLetterCodec;
import io.kubezen.watcher.queue.DeadLetters;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueueFullException;
import io.kubezen.watcher.queue.QueueItem;
import io.kubezen.watcher.queue.QueueStats;
import io.kubezen.watcher.queue.QueuedObservationCodec;
import io.kubezen.watcher.store.StoreUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The queue of the embedded, single-process mode, with the Redis Stream semantics of the real one: the same
 * entry fields, consumer groups, pending entries with their delivery time and count, claiming, dead letters,
 * and refusal rather than loss when full. Not durable across restarts; the embedded mode says so at start-up.
 */
public final class InMemoryEventQueue implements EventQueue {

    public static final long DEFAULT_CAPACITY = 100_000;

    private final long capacity;
    private final Clock clock;
    /** Also guards the dead letters, so moving an entry between them and the queue is one step. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final TreeMap<Long, Map<String, String>> entries = new TreeMap<>();
    private final Map<String, Group> groups = new HashMap<>();
    private final InMemoryDeadLetters deadLetters;
    private long lastSequence;

    /** @param clock measures how long delivered entries have been idle, and stamps dead letters */
    public InMemoryEventQueue(long capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.clock = clock;
        this.deadLetters = new InMemoryDeadLetters(this, lock, clock);
    }

    @Override
    public List<String> append(List<? extends QueueItem> batch) {
        return appendFields(batch.stream().map(QueuedObservationCodec::encode).toList());
    }

    @Override
    public void ensureGroup(String group) {
        lock.lock();
        try {
            groups.putIfAbsent(group, new Group());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<QueueEntry> read(String group, String consumer, int count, Duration block) {
        lock.lock();
        try {
            Group state = existing(group);
            long nanos = block.toNanos();
            while (entries.higherKey(state.lastDelivered) == null && nanos > 0) {
                nanos = appended.awaitNanos(nanos);
            }
            Delivery first = new Delivery(clock.instant(), 1);
            List<QueueEntry> delivered = new ArrayList<>();
            for (Map.Entry<Long, Map<String, String>> entry : entries.tailMap(state.lastDelivered, false).entrySet()) {
                if (delivered.size() == count) {
                    break;
                }
                delivered.add(new QueueEntry(entry.getKey() + "-0", entry.getValue(), first.count()));
                state.pending.put(entry.getKey(), first);
                state.lastDelivered = entry.getKey();
            }
            return delivered;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while waiting for queue entries", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<QueueEntry> claimIdle(String group, String consumer, Duration minIdle, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        lock.lock();
        try {
            Group state = existing(group);
            Instant now = clock.instant();
            Instant deliveredBy = now.minus(minIdle);
            List<QueueEntry> claimed = new ArrayList<>();
            for (Map.Entry<Long, Delivery> pending : state.pending.entrySet()) {
                if (claimed.size() == count) {
                    break;
                }
                if (!pending.getValue().at().isAfter(deliveredBy)) {
                    Delivery again = new Delivery(now, pending.getValue().count() + 1);
                    pending.setValue(again);
                    claimed.add(new QueueEntry(pending.getKey() + "-0", entries.get(pending.getKey()), again.count()));
                }
            }
            return claimed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long ack(String group, List<String> ids) {
        lock.lock();
        try {
            Group state = existing(group);
            long acknowledged = 0;
            for (String id : ids) {
                long sequence = sequenceOf(id);
                if (state.pending.remove(sequence) != null) {
                    acknowledged++;
                }
                entries.remove(sequence);
            }
            return acknowledged;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean deadLetter(String group, QueueEntry entry, String reason, String detail, int attempts) {
        Map<String, String> letter = DeadLetterCodec.encode(entry, reason, detail, attempts);
        long sequence = sequenceOf(entry.id());
        lock.lock();
        try {
            Group state = existing(group);
            if (state.pending.remove(sequence) == null) {
                return false;
            }
            deadLetters.add(letter);
            entries.remove(sequence);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    @Override
    public QueueStats stats(String group) {
        lock.lock();
        try {
            Group state = groups.get(group);
            if (state == null) {
                return new QueueStats(entries.size(), 0, OptionalLong.of(entries.size()), deadLetters.count());
            }
            return new QueueStats(entries.size(), state.pending.size(),
                    OptionalLong.of(entries.tailMap(state.lastDelivered, false).size()), deadLetters.count());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends the items {@code decide} returns, all or nothing, provided the queue has room for {@code atMost}
     * entries; {@code decide} runs under the queue's lock, so nothing is appended or acknowledged between deciding
     * and appending. The in-memory admission decides first or duplicate there, which makes the two one step.
     *
     * @throws QueueFullException before {@code decide} runs, when {@code atMost} entries would not fit
     */
    public <T> T appendDecided(int atMost, Supplier<Decision<T>> decide) {
        lock.lock();
        try {
            if (entries.size() + atMost > capacity) {
                throw new QueueFullException(entries.size(), atMost, capacity);
            }
            Decision<T> decision = decide.get();
            appendFields(decision.items().stream().map(QueuedObservationCodec::encode).toList());
            return decision.outcome();
        } finally {
            lock.unlock();
        }
    }

    /** Appends encoded entries, all or nothing; replay uses it to put dead letters back. */
    List<String> appendFields(List<Map<String, String>> encoded) {
        lock.lock();
        try {
            if (entries.size() + encoded.size() > capacity) {
                throw new QueueFullException(entries.size(), encoded.size(), capacity);
            }
            List<String> ids = new ArrayList<>(encoded.size());
            for (Map<String, String> fields : encoded) {
                entries.put(++lastSequence, fields);
                ids.add(lastSequence + "-0");
            }
            appended.signalAll();
            return ids;
        } finally {
            lock.unlock();
        }
    }

    private Group existing(String group) {
        Group state = groups.get(group);
        if (state == null) {
            throw new IllegalStateException("no consumer group '" + group + "'; create it with ensureGroup first");
        }
        return state;
    }

    private static long sequenceOf(String id) {
        try {
            return Long.parseLong(id.substring(0, id.indexOf('-')));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an entry id of this queue: " + id, e);
        }
    }

    /**
     * What {@link #appendDecided} appends, and what it returns to its caller.
     *
     * @param items   at most as many as the caller said
     */
    public record Decision<T>(List<? extends QueueItem> items, T outcome) {
    }

    /** When a pending entry was last delivered, and how many times it has been. */
    private record Delivery(Instant at, int count) {
    }

    private static final class Group {
        /** Ordered by id, so claiming takes the oldest entries first, as XAUTOCLAIM does. */
        private final TreeMap<Long, Delivery> pending = new TreeMap<>();
        private long lastDelivered;
    }
}
