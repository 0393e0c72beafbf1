package io.kubezen.watcher.testing.metrics;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the chart's dashboard and alerts read. That the apps export it is {@code ExportedMetricsIT}'s part (the
 * controller module); here: the dashboard shows the key figures of every role, and each alert on our metrics
 * is found.
 */
class MonitoringQueriesTest {

    @Test
    void dashboardShowsTheReceiveWriteAndControllerMetrics() {
        assertThat(series(MonitoringQueries.dashboard())).contains(
                "zen_watcher_events_received_total", "zen_watcher_events_discarded_total",
                "zen_watcher_events_queued_total", "zen_watcher_requests_rejected_total",
                "zen_watcher_request_duration_seconds_count", "zen_watcher_errors_total",
                "zen_watcher_dedup_window_seconds", "zen_watcher_queue_length", "zen_watcher_queue_lag",
                "zen_watcher_observations_written_total", "zen_watcher_dead_letters_total", "zen_watcher_leader");
    }

    @Test
    void alertRulesReadTheLeaderQueueDeadLetterGcAndRejectionSeries() {
        assertThat(series(MonitoringQueries.alertRules())).contains(
                "zen_watcher_leader", "zen_watcher_queue_length", "zen_watcher_dead_letters_total",
                "zen_watcher_gc_runs_total", "zen_watcher_requests_rejected_total", "zen_watcher_errors_total");
    }

    private static Set<String> series(Iterable<MonitoringQuery> queries) {
        Set<String> names = new TreeSet<>();
        queries.forEach(query -> names.addAll(query.series()));
        return names;
    }
}
