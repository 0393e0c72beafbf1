package io.kubezen.watcher.bench.dedup;

import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupStore;
import io.kubezen.watcher.dedup.redis.RedisDedupStore;
import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The timing loop against both real stores: it must record events, and half of them as first occurrences. */
@WithRedis
class DedupStoreLoadIT {

    private static final DedupStoreLoad.Settings SETTINGS = new DedupStoreLoad.Settings(4, 10, 1_000, Duration.ofMinutes(5));

    @Test
    void recordsHalfTheEventsAsFirstOccurrencesInMemory() throws Exception {
        DedupStore store = new InMemoryDedupStore(Clock.systemUTC(), InMemoryDedupStore.DEFAULT_MAX_ENTRIES, DedupStore.DEFAULT_STATUS_INTERVAL);

        assertHalfFirsts(DedupStoreLoad.run(store, SETTINGS, Duration.ofMillis(300), "m"));
    }

    @Test
    void recordsHalfTheEventsAsFirstOccurrencesInRedis(RedisServerHandle redis) throws Exception {
        try (RedisConnector connector = RedisConnector.create(RedisConnectionOptions.of(redis.uri()))) {
            DedupStore store = new RedisDedupStore(connector, Clock.systemUTC(), DedupStore.DEFAULT_STATUS_INTERVAL);

            assertHalfFirsts(DedupStoreLoad.run(store, SETTINGS, Duration.ofMillis(300), "r"));
        }
    }

    private static void assertHalfFirsts(DedupStoreLoad.Result result) {
        assertThat(result.events()).isPositive().isEqualTo(result.events() / 10 * 10);
        assertThat((double) result.firsts() / result.events()).isCloseTo(0.5, within(0.01));
        assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(result.eventsPerSecond()).isPositive();
    }
}
