package io.kubezen.watcher.testing.metrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrometheusScrapeTest {

    private static final String EXPOSITION = """
            # HELP zen_watcher_events_received_total Events parsed
            # TYPE zen_watcher_events_received_total counter
            zen_watcher_events_received_total{source="falco"} 3.0
            zen_watcher_events_received_total{source="k8s-audit"} 2.0 1732435200000
            zen_watcher_errors_total{error_type="unavailable",stage="store",note="a \\"quoted\\", value"} 0.0
            zen_watcher_leader 1.0
            """;

    @Test
    void readsSeriesLabelNamesAndSums() {
        PrometheusScrape scrape = PrometheusScrape.parse(EXPOSITION);

        assertThat(scrape.series()).containsExactly(
                "zen_watcher_errors_total", "zen_watcher_events_received_total", "zen_watcher_leader");
        assertThat(scrape.labelNames("zen_watcher_errors_total")).containsExactly("error_type", "note", "stage");
        assertThat(scrape.labelNames("zen_watcher_leader")).isEmpty();
        assertThat(scrape.sum("zen_watcher_events_received_total", Map.of())).isEqualTo(5.0);
        assertThat(scrape.sum("zen_watcher_events_received_total", Map.of("source", "falco"))).isEqualTo(3.0);
        assertThat(scrape.has("zen_watcher_errors_total", Map.of("stage", "store"))).isTrue();
        assertThat(scrape.has("zen_watcher_errors_total", Map.of("stage", "gc"))).isFalse();
    }

    @Test
    void twoScrapesTogetherHoldTheSeriesOfBoth() {
        PrometheusScrape controller = PrometheusScrape.parse("zen_watcher_gc_runs_total{outcome=\"failed\"} 0\n");

        PrometheusScrape both = PrometheusScrape.parse(EXPOSITION).and(controller);

        assertThat(both.series()).contains("zen_watcher_leader", "zen_watcher_gc_runs_total");
    }

    @Test
    void aLineThatIsNoSampleIsRefused() {
        assertThatThrownBy(() -> PrometheusScrape.parse("zen_watcher_leader{source=\"falco\"\n"))
                .hasMessageContaining("not a sample line");
    }
}
