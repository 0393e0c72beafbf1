package io.kubezen.watcher.testing.deploy;

import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.testing.crd.DeployFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's dashboard and alert rules may only query series the apps export: a panel or alert on a name
 * nobody exports shows nothing and never fires, silently. Names come from {@link MetricNames} as Micrometer's
 * Prometheus registry writes them: counters get {@code _total}, timers {@code _seconds_count}, {@code _sum} and
 * {@code _max} (no {@code _bucket}: no histogram is published), gauges stay as they are.
 */
class MonitoringMetricsTest {

    private static final Pattern SERIES = Pattern.compile("zen_watcher_[a-z_]+");
    private static final Path CHART = DeployFiles.root().resolve("helm/zen-watcher");

    @Test
    void dashboardAndAlertsQueryOnlyExportedSeries() throws IOException {
        Set<String> exported = exportedSeries();

        assertThat(queried(CHART.resolve("files/dashboard.json"))).isNotEmpty().isSubsetOf(exported);
        assertThat(queried(CHART.resolve("templates/prometheusrule.yaml"))).isNotEmpty().isSubsetOf(exported);
    }

    @Test
    void dashboardShowsTheReceiveWriteAndControllerMetrics() throws IOException {
        Set<String> dashboard = queried(CHART.resolve("files/dashboard.json"));

        assertThat(dashboard).contains(
                "zen_watcher_events_received_total", "zen_watcher_events_discarded_total",
                "zen_watcher_events_queued_total", "zen_watcher_requests_rejected_total",
                "zen_watcher_request_duration_seconds_count", "zen_watcher_request_duration_seconds_sum",
                "zen_watcher_errors_total", "zen_watcher_dedup_window_seconds",
                "zen_watcher_queue_length", "zen_watcher_queue_lag", "zen_watcher_observations_written_total",
                "zen_watcher_dead_letters_total", "zen_watcher_leader");
    }

    /** Every series a meter named in MetricNames can produce, whatever its type. */
    private static Set<String> exportedSeries() {
        return Arrays.stream(MetricNames.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(MonitoringMetricsTest::value)
                .filter(name -> name.startsWith("zen.watcher."))
                .map(name -> name.replace('.', '_'))
                .flatMap(base -> Stream.of(base, base + "_total",
                        base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> queried(Path file) throws IOException {
        Matcher matcher = SERIES.matcher(Files.readString(file));
        Set<String> names = new TreeSet<>();
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
