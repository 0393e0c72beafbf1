package io.kubezen.watcher.ingester.receive;

import io.kubezen.watcher.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ReceiveMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void theErrorCounterExistsAtZeroAndCountsOnTheSameSeries() {
        ReceiveMetrics metrics = new ReceiveMetrics(registry);

        assertThat(registry.find(MetricNames.ERRORS).counters())
                .extracting(counter -> counter.getId().getTag(MetricNames.TAG_STAGE),
                        counter -> counter.getId().getTag(MetricNames.TAG_ERROR_TYPE))
                .containsExactly(tuple("store", "unavailable"));
        assertThat(registry.find(MetricNames.ERRORS).counters()).extracting(Counter::count).containsOnly(0.0);

        metrics.storeFailure();

        assertThat(registry.find(MetricNames.ERRORS).counters()).hasSize(1)
                .extracting(Counter::count).containsOnly(1.0);
    }
}
