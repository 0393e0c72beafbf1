package io.kubezen.watcher.ingester.receive;

import io.kubezen.watcher.dedup.TrafficBuckets;
import io.kubezen.watcher.dedup.TrafficCounter;
import io.kubezen.watcher.dedup.memory.InMemoryTrafficCounter;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.store.StoreUnavailableException;
import io.kubezen.watcher.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficTallyTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final InMemoryTrafficCounter counter = new InMemoryTrafficCounter(clock, TrafficBuckets.DEFAULT_RETENTION);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsReachTheCounterAtTheFlushSummedPerSource() {
        TrafficTally tally = new TrafficTally(counter, new ReceiveMetrics(registry));
        tally.add("falco", 1);
        tally.add("falco", 1);
        tally.add("kube-audit", 100);

        assertThat(counter.sum("falco", MINUTE)).as("nothing before the flush").isZero();
        tally.flush();
        assertThat(counter.sum("falco", MINUTE)).isEqualTo(2);
        assertThat(counter.sum("kube-audit", MINUTE)).isEqualTo(100);

        tally.flush();
        assertThat(counter.sum("falco", MINUTE)).as("a flush adds each count once").isEqualTo(2);
    }

    @Test
    void countsThatCouldNotBeAddedWaitForTheNextFlush() {
        UnreachableThenInMemory flaky = new UnreachableThenInMemory(counter);
        TrafficTally tally = new TrafficTally(flaky, new ReceiveMetrics(registry));
        tally.add("falco", 3);

        tally.flush();
        assertThat(counter.sum("falco", MINUTE)).isZero();
        assertThat(registry.counter(MetricNames.ERRORS, MetricNames.TAG_STAGE, "store",
                MetricNames.TAG_ERROR_TYPE, "unavailable").count()).isEqualTo(1);

        tally.add("falco", 2);
        flaky.reachable = true;
        tally.flush();
        assertThat(counter.sum("falco", MINUTE)).isEqualTo(5);
    }

    /** Refuses like Redis when it is down, until told it is back. */
    private static final class UnreachableThenInMemory implements TrafficCounter {

        private final TrafficCounter delegate;
        private boolean reachable;

        UnreachableThenInMemory(TrafficCounter delegate) {
            this.delegate = delegate;
        }

        @Override
        public void add(String source, long events) {
            if (!reachable) {
                throw new StoreUnavailableException("Redis unavailable during traffic count");
            }
            delegate.add(source, events);
        }

        @Override
        public long sum(String source, Duration period) {
            return delegate.sum(source, period);
        }

        @Override
        public Optional<Instant> lastCounted(String source, Duration period) {
            return delegate.lastCounted(source, period);
        }

        @Override
        public Set<String> sources() {
            return delegate.sources();
        }
    }
}
