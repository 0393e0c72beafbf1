package io.kubezen.watcher.admission.memory;

import io.kubezen.watcher.admission.AdmissionStore;
import io.kubezen.watcher.admission.AdmissionStoreContract;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupStore;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.memory.InMemoryEventQueue;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

class InMemoryAdmissionStoreTest extends AdmissionStoreContract {

    private final InMemoryDedupStore records = new InMemoryDedupStore(clock, 10_000, DedupStore.DEFAULT_STATUS_INTERVAL);
    /** One queue per capacity, as the capacity is the queue's own. */
    private final Map<Long, InMemoryEventQueue> queues = new HashMap<>();
    private InMemoryEventQueue latest;

    /** Stores share the records, and the queue when they ask for the same capacity. */
    @Override
    protected AdmissionStore createStore(Clock clock, long capacity) {
        latest = queues.computeIfAbsent(capacity, size -> new InMemoryEventQueue(size, clock));
        return new InMemoryAdmissionStore(records, latest, clock);
    }

    /** The queue of the store created last. */
    @Override
    protected EventQueue queue() {
        return latest;
    }

    @Override
    protected DedupStore records() {
        return records;
    }
}
