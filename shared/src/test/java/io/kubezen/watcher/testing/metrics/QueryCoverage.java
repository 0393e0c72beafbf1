package io.kubezen.watcher.testing.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Whether scraped apps export what monitoring queries read: each {@code zen_watcher_*} series a query names, with
 * each label it matches on or groups by. Labels Prometheus adds from the scrape target (the chart's
 * ServiceMonitor) are not the apps' to export.
 */
public final class QueryCoverage {

    /** The target labels Prometheus Operator attaches to every series scraped through a ServiceMonitor. */
    public static final Set<String> TARGET_LABELS =
            Set.of("namespace", "pod", "service", "job", "endpoint", "instance", "container");

    private QueryCoverage() {
    }

    /** One line per series or label a query reads that the scrape lacks; empty when every query is covered. */
    public static List<String> gaps(Collection<MonitoringQuery> queries, PrometheusScrape scrape) {
        List<String> gaps = new ArrayList<>();
        Set<String> exported = scrape.series();
        for (MonitoringQuery query : queries) {
            for (String series : query.series()) {
                if (!exported.contains(series)) {
                    gaps.add("series " + series + " is not exported; read by " + query);
                    continue;
                }
                Set<String> labels = scrape.labelNames(series);
                query.labelNames().stream()
                        .filter(label -> !TARGET_LABELS.contains(label) && !labels.contains(label))
                        .forEach(label -> gaps.add("series " + series + " has no label " + label + " (it has "
                                + labels + "); read by " + query));
            }
        }
        return gaps;
    }
}
