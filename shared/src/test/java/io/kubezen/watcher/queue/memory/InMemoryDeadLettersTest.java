package io.kubezen.watcher.queue.memory;

import io.kubezen.watcher.queue.DeadLettersContract;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.testing.MutableClock;

import java.time.Clock;
import java.time.Instant;

class InMemoryDeadLettersTest extends DeadLettersContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00.250Z"));

    @Override
    protected EventQueue createQueue(long capacity) {
        return new InMemoryEventQueue(capacity, clock);
    }

    @Override
    protected Clock clock() {
        return clock;
    }
}
