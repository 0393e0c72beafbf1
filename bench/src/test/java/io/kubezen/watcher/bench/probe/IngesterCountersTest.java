package io.kubezen.watcher.bench.probe;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IngesterCountersTest {

    private static final String BEFORE = """
            # HELP zen_watcher_events_received_total
            # TYPE zen_watcher_events_received_total counter
            zen_watcher_events_received_total{source="falco"} 100.0
            zen_watcher_events_received_total{source="k8s-audit"} 5000.0
            zen_watcher_events_discarded_total{reason="duplicate",source="falco"} 40.0
            zen_watcher_events_queued_total{source="falco"} 60.0
            zen_watcher_request_duration_seconds_count{outcome="202",source="falco"} 100
            jvm_gc_memory_allocated_bytes_total 1.0E8
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 0.5
            """;
    private static final String AFTER = """
            zen_watcher_events_received_total{source="falco"} 1100.0
            zen_watcher_events_received_total{source="k8s-audit"} 9000.0
            zen_watcher_events_discarded_total{reason="duplicate",source="falco"} 540.0
            zen_watcher_events_discarded_total{reason="filtered",source="falco"} 7.0
            zen_watcher_events_queued_total{source="falco"} 560.0
            zen_watcher_requests_rejected_total{reason="503",source="falco"} 2.0
            zen_watcher_requests_rejected_total{reason="413",source="falco"} 1.0
            jvm_gc_memory_allocated_bytes_total 1.2E8
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 0.54
            jvm_gc_pause_seconds_sum{action="end of major GC",cause="Allocation Failure",gc="MarkSweepCompact"} 0.01
            """;

    @Test
    void countsWhatTheIngesterDidForOneSourceBetweenTwoScrapes() {
        IngesterCounters counters = IngesterCounters.between(PrometheusSamples.parse(BEFORE), PrometheusSamples.parse(AFTER),
                "falco");

        assertThat(counters).usingRecursiveComparison().withComparatorForType(
                (a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b), Double.class)
                .isEqualTo(new IngesterCounters(1000, 500, 500, 3, 2.0E7, 0.05));
        assertThat(counters.duplicatePercent()).isEqualTo(50.0);
        assertThat(counters.allocatedKilobytesPerEvent()).isEqualTo(20.0);
        assertThat(counters.gcPauseMicrosPerEvent()).isCloseTo(50.0, within(1e-6));
    }

    @Test
    void sumsTheSamplesWhoseLabelsMatch() {
        PrometheusSamples samples = PrometheusSamples.parse(AFTER);

        assertThat(samples.sum("zen_watcher_events_received_total", Map.of())).isEqualTo(10_100.0);
        assertThat(samples.sum("zen_watcher_events_discarded_total", Map.of("reason", "filtered"))).isEqualTo(7.0);
        assertThat(samples.sum("zen_watcher_events_discarded_total", Map.of("source", "webhook"))).isZero();
    }

    @Test
    void namesCountersAsThePrometheusRegistryExposesThem() {
        assertThat(IngesterCounters.counter("zen.watcher.events.received")).isEqualTo("zen_watcher_events_received_total");
    }
}
