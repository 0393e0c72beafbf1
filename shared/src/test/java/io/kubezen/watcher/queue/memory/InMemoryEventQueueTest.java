package io.kubezen.watcher.queue.memory;

import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.EventQueueContract;

class InMemoryEventQueueTest extends EventQueueContract {

    @Override
    protected EventQueue createQueue(long capacity) {
        return new InMemoryEventQueue(capacity);
    }
}
