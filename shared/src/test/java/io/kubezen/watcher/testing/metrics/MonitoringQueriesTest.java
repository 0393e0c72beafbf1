package io.kubezen.watcher.testing.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the chart's dashboards and alerts read. That the apps export it is {@code ExportedMetricsIT}'s part (the
 * controller module); here: the pipeline dashboard shows the key figures of every role, the Observations
 * dashboard what the sources observed, and each alert on our metrics is found.
 */
class MonitoringQueriesTest {

    @Test
    void dashboardShowsTheReceiveWriteAndControllerMetrics() {
        assertThat(series(MonitoringQueries.dashboard(MonitoringQueries.DASHBOARD))).contains(
                "zen_watcher_events_received_total", "zen_watcher_events_discarded_total",
                "zen_watcher_events_queued_total", "zen_watcher_requests_rejected_total",
                "zen_watcher_request_duration_seconds_count", "zen_watcher_errors_total",
                "zen_watcher_dedup_window_seconds", "zen_watcher_queue_length", "zen_watcher_queue_lag",
                "zen_watcher_observations_written_total", "zen_watcher_dead_letters_total", "zen_watcher_leader");
    }

    @Test
    void observationsDashboardShowsSeveritiesEventsRepeatsEventTypesAndFreshness() {
        List<MonitoringQuery> queries = MonitoringQueries.dashboard(MonitoringQueries.OBSERVATIONS_DASHBOARD);

        assertThat(series(queries)).contains("zen_watcher_observations_total", "zen_watcher_events_total",
                "zen_watcher_events_repeated_total", "zen_watcher_ingesters_last_event_timestamp_seconds",
                "zen_watcher_ingesters_silent_after_seconds");
        assertThat(queries).extracting(MonitoringQuery::expression)
                .anyMatch(expr -> expr.contains("severity=~\"critical|high\""))
                .anyMatch(expr -> expr.contains("by (source, event_type)"));
    }

    @Test
    void alertRulesReadTheLeaderQueueDeadLetterGcAndRejectionSeries() {
        assertThat(series(MonitoringQueries.alertRules())).contains(
                "zen_watcher_leader", "zen_watcher_queue_length", "zen_watcher_dead_letters_total",
                "zen_watcher_gc_runs_total", "zen_watcher_requests_rejected_total", "zen_watcher_errors_total");
    }

    @Test
    void alertRulesReadTheCreatedObservationsAndEachSourcesLastEventAndThreshold() {
        assertThat(series(MonitoringQueries.alertRules())).contains("zen_watcher_observations_total",
                "zen_watcher_ingesters_last_event_timestamp_seconds", "zen_watcher_ingesters_silent_after_seconds");
    }

    private static Set<String> series(Iterable<MonitoringQuery> queries) {
        Set<String> names = new TreeSet<>();
        queries.forEach(query -> names.addAll(query.series()));
        return names;
    }
}
