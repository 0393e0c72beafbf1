package io.kubezen.watcher.dedup.memory;

import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.DedupStoreContract;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryDedupStoreTest extends DedupStoreContract {

    @Override
    protected DedupStore createStore(Clock clock) {
        return new InMemoryDedupStore(clock, 1_000, DedupStore.DEFAULT_STATUS_INTERVAL);
    }

    @Override
    protected DedupStore secondProcess(Clock clock) {
        return store;
    }

    @Override
    protected Duration expiringWindow() {
        return Duration.ofMinutes(1);
    }

    @Test
    void fullStoreEvictsTheRecordFirstSeenLongestAgo() {
        DedupStore small = new InMemoryDedupStore(clock, 3, DedupStore.DEFAULT_STATUS_INTERVAL);
        small.record(request("falco", "a", WINDOW));
        small.record(request("falco", "b", WINDOW));
        small.record(request("falco", "c", WINDOW));
        small.record(request("falco", "a", WINDOW));

        small.record(request("falco", "d", WINDOW));

        assertThat(small.get("falco", "a")).isEmpty();
        assertThat(small.get("falco", "b")).isPresent();
        assertThat(small.get("falco", "d")).isPresent();
    }

    @Test
    void expiredRecordsMakeRoomBeforeLiveOnesAreEvicted() {
        DedupStore small = new InMemoryDedupStore(clock, 2, DedupStore.DEFAULT_STATUS_INTERVAL);
        small.record(request("falco", "short", Duration.ofSeconds(10)));
        small.record(request("falco", "long", WINDOW));
        clock.advance(Duration.ofSeconds(10));

        small.record(request("falco", "new", WINDOW));

        assertThat(small.get("falco", "long")).isPresent();
        assertThat(small.get("falco", "new")).isPresent();
    }
}
