package io.kubezen.watcher.queue.memory;

import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueueFullException;
import io.kubezen.watcher.queue.QueueStats;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.QueuedObservationCodec;
import io.kubezen.watcher.store.StoreUnavailableException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue of the embedded, single-process mode, with the Redis Stream semantics of the real one: the same
 * entry fields, consumer groups, pending entries, and refusal rather than loss when full. Not durable across
 * restarts; the embedded mode says so at start-up.
 */
public final class InMemoryEventQueue implements EventQueue {

    public static final long DEFAULT_CAPACITY = 100_000;

    private final long capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final TreeMap<Long, Map<String, String>> entries = new TreeMap<>();
    private final Map<String, Group> groups = new HashMap<>();
    private long lastSequence;

    public InMemoryEventQueue(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public List<String> append(List<QueuedObservation> batch) {
        List<Map<String, String>> encoded = batch.stream().map(QueuedObservationCodec::encode).toList();
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
            List<QueueEntry> delivered = new ArrayList<>();
            for (Map.Entry<Long, Map<String, String>> entry : entries.tailMap(state.lastDelivered, false).entrySet()) {
                if (delivered.size() == count) {
                    break;
                }
                delivered.add(new QueueEntry(entry.getKey() + "-0", entry.getValue()));
                state.pending.put(entry.getKey(), consumer);
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
    public QueueStats stats(String group) {
        lock.lock();
        try {
            Group state = groups.get(group);
            if (state == null) {
                return new QueueStats(entries.size(), 0, OptionalLong.of(entries.size()));
            }
            return new QueueStats(entries.size(), state.pending.size(),
                    OptionalLong.of(entries.tailMap(state.lastDelivered, false).size()));
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

    private static final class Group {
        private final Map<Long, String> pending = new HashMap<>();
        private long lastDelivered;
    }
}
