package io.kubezen.watcher.ingester.receive;

import io.kubezen.watcher.dedup.TrafficCounter;
import io.kubezen.watcher.ingester.wiring.ReceiverRole;
import io.kubezen.watcher.store.StoreUnavailableException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts received events per source in the process and adds them to the {@link TrafficCounter} once a second,
 * so a request does not pay a Redis round trip for the tuner's statistics. The tuner reads 10 s buckets over
 * minutes; a count that reaches its bucket up to a second late, and so now and then lands in the next bucket,
 * does not change the rate it sees. Counts that could not be added stay here for the next flush.
 */
@Requires(condition = ReceiverRole.class)
@Singleton
class TrafficTally {

    private final TrafficCounter counter;
    private final ReceiveMetrics metrics;
    private final Map<String, LongAdder> pending = new ConcurrentHashMap<>();

    TrafficTally(TrafficCounter counter, ReceiveMetrics metrics) {
        this.counter = counter;
        this.metrics = metrics;
    }

    void add(String source, int events) {
        pending.computeIfAbsent(source, name -> new LongAdder()).add(events);
    }

    @Scheduled(fixedDelay = "1s")
    void flush() {
        pending.forEach((source, events) -> {
            long count = events.sumThenReset();
            if (count == 0) {
                return;
            }
            try {
                counter.add(source, count);
            } catch (StoreUnavailableException e) {
                events.add(count);
                metrics.storeFailure();
            }
        });
    }

    /**
     * A method of its own: Micronaut treats a {@code @PreDestroy} method as a lifecycle hook only, so on
     * {@link #flush} it would drop the {@code @Scheduled} and nothing would ever reach the counter.
     */
    @PreDestroy
    void flushOnShutdown() {
        flush();
    }
}
