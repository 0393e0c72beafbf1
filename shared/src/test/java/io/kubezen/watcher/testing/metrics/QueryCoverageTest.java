package io.kubezen.watcher.testing.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison the scrape IT relies on must catch a wrong name or label, not only pass on right ones. */
class QueryCoverageTest {

    private static final PrometheusScrape SCRAPE = PrometheusScrape.parse("""
            zen_watcher_dead_letters_total{reason="invalid"} 0.0
            zen_watcher_dead_letters_total{reason="max_deliveries"} 0.0
            zen_watcher_leader 1.0
            """);

    @Test
    void aQueryOnExportedSeriesAndLabelsHasNoGaps() {
        List<MonitoringQuery> queries = List.of(
                query("sum by (namespace, reason) "
                        + "(increase(zen_watcher_dead_letters_total{namespace=\"{{ $ns }}\"}[15m])) > 0"),
                query("max by (pod) (zen_watcher_leader{namespace=~\"$namespace\"})"),
                query("absent(up{namespace=\"{{ $ns }}\", job=\"x\"} == 1)"));

        assertThat(QueryCoverage.gaps(queries, SCRAPE)).isEmpty();
    }

    @Test
    void aRenamedSeriesIsAGap() {
        MonitoringQuery renamed = query("sum(rate(zen_watcher_dead_letter_total[5m]))");

        assertThat(QueryCoverage.gaps(List.of(renamed), SCRAPE)).singleElement().asString()
                .contains("zen_watcher_dead_letter_total is not exported");
    }

    @Test
    void aLabelTheSeriesDoesNotCarryIsAGap() {
        MonitoringQuery byStage =
                query("sum by (stage) (rate(zen_watcher_dead_letters_total{outcome=\"failed\"}[5m]))");

        assertThat(QueryCoverage.gaps(List.of(byStage), SCRAPE)).hasSize(2)
                .anySatisfy(gap -> assertThat(gap).contains("has no label stage"))
                .anySatisfy(gap -> assertThat(gap).contains("has no label outcome"));
    }

    private static MonitoringQuery query(String expression) {
        return new MonitoringQuery("test", expression);
    }
}
