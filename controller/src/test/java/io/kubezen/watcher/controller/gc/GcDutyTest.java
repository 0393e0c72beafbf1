package io.kubezen.watcher.controller.gc;

import io.kubezen.watcher.controller.gc.memory.InMemoryObservationStore;
import io.kubezen.watcher.install.Install;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.model.TtlPolicy;
import io.kubezen.watcher.testing.MutableClock;
import io.kubezen.watcher.throttle.TokenBucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class GcDutyTest {

    @Test
    void runsOfEveryOutcomeAndGcErrorsExistAtZeroBeforeTheFirstRun() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Sweeper sweeper = new Sweeper(new InMemoryObservationStore(), new CollectionScope(Install.DEFAULT, true),
                new TokenBucket(10, 5, clock), 10, registry);

        new GcDuty(sweeper, new TtlPolicy(TtlPolicy.DEFAULT_TTL), Duration.ofHours(1), clock, registry);

        assertThat(registry.find(MetricNames.GC_RUNS).counters())
                .extracting(counter -> counter.getId().getTag(MetricNames.TAG_OUTCOME), Counter::count)
                .containsExactlyInAnyOrder(tuple("completed", 0.0), tuple("stopped", 0.0), tuple("failed", 0.0));
        assertThat(registry.get(MetricNames.ERRORS).tag(MetricNames.TAG_STAGE, "gc").counter().count()).isZero();
    }
}
