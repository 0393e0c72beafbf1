package io.kubezen.watcher.queue.memory;

import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.EventQueueContract;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.kubezen.watcher.queue.QueuedObservationFixtures.entries;
import static org.assertj.core.api.Assertions.assertThat;

class InMemoryEventQueueTest extends EventQueueContract {

    private static final Duration MIN_IDLE = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

    @Override
    protected EventQueue createQueue(long capacity) {
        return new InMemoryEventQueue(capacity, clock);
    }

    @Override
    protected void awaitIdle(Duration idle) {
        clock.advance(idle);
    }

    @Test
    void anEntryIsClaimableOnceIdleForExactlyMinIdle() {
        queue.append(entries("falco", 1));
        queue.read(GROUP, "writer-1", 10, Duration.ZERO);

        clock.advance(MIN_IDLE.minusMillis(1));
        assertThat(queue.claimIdle(GROUP, "writer-2", MIN_IDLE, 10)).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(queue.claimIdle(GROUP, "writer-2", MIN_IDLE, 10)).hasSize(1);
    }

    @Test
    void aClaimedEntryIsIdleAgainFromTheClaimSoASecondClaimerGetsNothing() {
        queue.append(entries("falco", 1));
        queue.read(GROUP, "writer-1", 10, Duration.ZERO);
        clock.advance(MIN_IDLE);
        queue.claimIdle(GROUP, "writer-2", MIN_IDLE, 10);

        clock.advance(MIN_IDLE.minusMillis(1));
        assertThat(queue.claimIdle(GROUP, "writer-3", MIN_IDLE, 10)).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(queue.claimIdle(GROUP, "writer-3", MIN_IDLE, 10)).extracting(QueueEntry::deliveries).containsExactly(3);
    }
}
