package io.kubezen.watcher.testing.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.testing.crd.DeployFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PromQL the Helm chart ships: the Grafana dashboards' queries and the PrometheusRule's alert expressions. */
public final class MonitoringQueries {

    /** The pipeline's dashboard. */
    public static final Path DASHBOARD = DeployFiles.root().resolve("helm/zen-watcher/files/dashboard.json");
    /** The dashboard of what the sources observed. */
    public static final Path OBSERVATIONS_DASHBOARD =
            DeployFiles.root().resolve("helm/zen-watcher/files/dashboard-observations.json");
    public static final List<Path> DASHBOARDS = List.of(DASHBOARD, OBSERVATIONS_DASHBOARD);
    public static final Path ALERT_RULES = DeployFiles.root().resolve("helm/zen-watcher/templates/prometheusrule.yaml");

    private static final Pattern EXPR = Pattern.compile("^\\s*expr:\\s*(.+)$", Pattern.MULTILINE);
    private static final String PREFIX = "zen_watcher_";

    private MonitoringQueries() {
    }

    public static List<MonitoringQuery> all() {
        List<MonitoringQuery> queries = new ArrayList<>();
        DASHBOARDS.forEach(dashboard -> queries.addAll(dashboard(dashboard)));
        queries.addAll(alertRules());
        return queries;
    }

    /**
     * Every string of a dashboard that names one of our series: panel targets and template variables alike.
     *
     * @param dashboard one of {@link #DASHBOARDS}
     */
    public static List<MonitoringQuery> dashboard(Path dashboard) {
        List<MonitoringQuery> queries = new ArrayList<>();
        collect(read(dashboard, new ObjectMapper()::readTree), dashboard.getFileName().toString(), queries);
        return queries;
    }

    /** Every {@code expr:} of the rule template, our series or not. */
    public static List<MonitoringQuery> alertRules() {
        List<MonitoringQuery> queries = new ArrayList<>();
        Matcher expr = EXPR.matcher(read(ALERT_RULES, text -> text));
        while (expr.find()) {
            queries.add(new MonitoringQuery(ALERT_RULES.getFileName().toString(), expr.group(1).strip()));
        }
        return queries;
    }

    private static void collect(JsonNode node, String origin, List<MonitoringQuery> queries) {
        if (node.isTextual() && node.asText().contains(PREFIX)) {
            queries.add(new MonitoringQuery(origin, node.asText()));
        }
        node.forEach(child -> collect(child, origin, queries));
    }

    private static <T> T read(Path file, Reader<T> reader) {
        try {
            return reader.read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(String text) throws IOException;
    }
}
