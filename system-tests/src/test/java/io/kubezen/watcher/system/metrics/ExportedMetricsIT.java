package io.kubezen.watcher.system.metrics;

import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubezen.watcher.system.apps.IsolatedApp;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.MutableClock;
import io.kubezen.watcher.testing.kube.TestApiServer;
import io.kubezen.watcher.testing.metrics.MonitoringQueries;
import io.kubezen.watcher.testing.metrics.MonitoringQuery;
import io.kubezen.watcher.testing.metrics.PrometheusScrape;
import io.kubezen.watcher.testing.metrics.QueryCoverage;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's dashboards and alert rules read only series the running apps export: an ingester (receiver and
 * writer) and a leading controller (GC, tuning, projection), against a real Redis and the test API server with
 * the repository's CRDs, are driven through every path the queries watch, then their {@code /prometheus} is
 * scraped over HTTP and compared with every {@code zen_watcher_*} series and label the queries read.
 * Observations are created an hour in the past by the API server's clock, so GC deletes those written.
 */
@WithRedis
class ExportedMetricsIT {

    private static final String NAMESPACE = "zen-system";
    private static final String TOKEN = "falco-bearer-token-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LAST_EVENT = "zen_watcher_ingesters_last_event_timestamp_seconds";
    private static final String SILENT_AFTER = "zen_watcher_ingesters_silent_after_seconds";
    /** What the API server's audit webhook sends: an EventList, here with one read, which is info. */
    private static final String AUDIT_READ = """
            {"kind": "EventList", "apiVersion": "audit.k8s.io/v1", "items": [
              {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "Metadata",
               "auditID": "7a1c0e44-bbbb-4b3c-8d2e-00000000000b", "stage": "ResponseComplete",
               "requestURI": "/api/v1/namespaces/prod/configmaps/web-settings", "verb": "get",
               "user": {"username": "system:serviceaccount:prod:web", "groups": ["system:serviceaccounts"]},
               "sourceIPs": ["10.0.3.17"], "userAgent": "web/1.4",
               "objectRef": {"resource": "configmaps", "namespace": "prod", "name": "web-settings", "apiVersion": "v1"},
               "responseStatus": {"metadata": {}, "code": 200},
               "requestReceivedTimestamp": "2024-05-01T10:22:00.000000Z",
               "stageTimestamp": "2024-05-01T10:22:00.004000Z",
               "annotations": {"authorization.k8s.io/decision": "allow", "authorization.k8s.io/reason": ""}}]}
            """;
    /** Series only the controller exports; every other queried series is the ingester's. */
    private static final Set<String> CONTROLLER_SERIES = Set.of("zen_watcher_leader", "zen_watcher_gc_runs_total",
            "zen_watcher_observations_deleted_total", "zen_watcher_dedup_window_seconds");

    private final MutableClock apiClock = new MutableClock(Instant.now().minus(Duration.ofHours(1)));
    private final TestApiServer server = TestApiServer.builder().repositoryCrds().namespaces(NAMESPACE, "prod")
            .clock(apiClock).build().start();
    private IsolatedApp controller;

    @AfterEach
    void stop() throws Exception {
        if (controller != null) {
            controller.close();
        }
        server.close();
    }

    @Test
    void dashboardAndAlertsReadOnlySeriesAndLabelsTheAppsExport(RedisServerHandle redis) throws Exception {
        controller = IsolatedApp.controller(controllerProperties(redis));
        try (IsolatedApp ingester = IsolatedApp.ingester(ingesterProperties(redis))) {
            PrometheusScrape started = scrape(ingester);
            double startedServing = lastEvent(started, "falco");
            assertThat(lastEvent(started, "k8s-audit")).as("exported from start-up").isPositive();
            assertThat(started.sum(SILENT_AFTER, Map.of("source", "k8s-audit"))).isEqualTo(600);
            drive(ingester);

            Await.until("the Observations are written", WAIT, () -> scrape(ingester).sum(
                    "zen_watcher_observations_written_total", Map.of("result", "created")) >= 2);
            PrometheusScrape observed = scrape(ingester);
            assertThat(observed.sum("zen_watcher_observations_total",
                    Map.of("source", "falco", "category", "security", "severity", "critical"))).isEqualTo(1);
            assertThat(observed.sum("zen_watcher_observations_total",
                    Map.of("source", "k8s-audit", "severity", "info"))).isEqualTo(1);
            assertThat(observed.sum("zen_watcher_events_total", Map.of("source", "falco", "severity", "critical",
                    "event_type", "terminal_shell_in_container"))).isEqualTo(1);
            assertThat(observed.sum("zen_watcher_events_repeated_total",
                    Map.of("source", "falco", "severity", "critical"))).as("the duplicate").isEqualTo(1);
            assertThat(observed.sum("zen_watcher_events_total",
                    Map.of("source", "k8s-audit", "severity", "info", "event_type", "k8s_audit_get"))).isEqualTo(1);
            assertThat(lastEvent(observed, "falco")).as("moved by the events").isGreaterThan(startedServing);
            assertThat(lastEvent(observed, "k8s-audit")).isGreaterThan(startedServing);
            Await.until("GC deleted the expired Observations", WAIT, () -> scrape(controller).sum(
                    "zen_watcher_observations_deleted_total", Map.of("reason", "ttl")) >= 2);
            Await.until("the tuner published falco's window", WAIT,
                    () -> scrape(controller).has("zen_watcher_dedup_window_seconds", Map.of("source", "falco")));
            assertThat(observations()).as("deleted by GC").isEmpty();

            PrometheusScrape ingesterScrape = scrape(ingester);
            PrometheusScrape controllerScrape = scrape(controller);
            List<MonitoringQuery> queries = MonitoringQueries.all();
            assertThat(queries).as("queries on our series").anySatisfy(q -> assertThat(q.series()).isNotEmpty());
            assertThat(QueryCoverage.gaps(queries, ingesterScrape.and(controllerScrape))).isEmpty();
            assertThat(controllerScrape.series()).containsAll(queried(CONTROLLER_SERIES::contains));
            assertThat(ingesterScrape.series()).containsAll(queried(series -> !CONTROLLER_SERIES.contains(series)));
            assertThat(controllerScrape.sum("zen_watcher_leader", Map.of())).isEqualTo(1);
        }
    }

    /**
     * A critical Falco alert, its duplicate, one a filter drops and one refused for lack of credentials; an info
     * audit event (a read).
     */
    private static void drive(IsolatedApp ingester) {
        String auth = "Bearer " + TOKEN;
        HttpResponse<String> accepted = ingester.post("/ingest/falco", falco("Critical"), "Authorization", auth);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"accepted\":1");
        assertThat(ingester.post("/ingest/falco", falco("Critical"), "Authorization", auth).body())
                .contains("\"duplicates\":1");
        assertThat(ingester.post("/ingest/falco", falco("Notice"), "Authorization", auth).body())
                .contains("\"filtered\":1");
        assertThat(ingester.post("/ingest/falco", falco("Critical")).statusCode()).isEqualTo(401);
        HttpResponse<String> audit = ingester.post("/ingest/k8s-audit", AUDIT_READ);
        assertThat(audit.statusCode()).as(audit.body()).isEqualTo(202);
        assertThat(audit.body()).contains("\"accepted\":1");
    }

    private Map<String, Object> controllerProperties(RedisServerHandle redis) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("kubernetes.client.base-path", server.baseUrl());
        properties.put("zen-watcher.redis.uri", redis.uri());
        // Every duty whose series the queries read, leading and on short intervals.
        properties.put("zen-watcher.leader.enabled", "true");
        properties.put("zen-watcher.leader.lease-namespace", NAMESPACE);
        properties.put("zen-watcher.leader.identity", "controller-0");
        properties.put("zen-watcher.gc.enabled", "true");
        properties.put("zen-watcher.gc.default-ttl", "60s");
        properties.put("zen-watcher.gc.interval", "500ms");
        properties.put("zen-watcher.projection.enabled", "true");
        properties.put("zen-watcher.install.namespaces", NAMESPACE);
        properties.put("zen-watcher.informer.default-namespace", NAMESPACE);
        properties.put("zen-watcher.tuning.enabled", "true");
        properties.put("zen-watcher.tuning.interval", "500ms");
        properties.put("zen-watcher.tuning.sources", "falco");
        return properties;
    }

    private Map<String, Object> ingesterProperties(RedisServerHandle redis) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("zen-watcher.roles", "receiver,writer");
        properties.put("zen-watcher.redis.uri", redis.uri());
        properties.put("kubernetes.client.base-path", server.baseUrl());
        properties.put("zen-watcher.queue.block", "100ms");
        properties.put("zen-watcher.sources.falco.type", "falco");
        properties.put("zen-watcher.sources.falco.webhook.auth.mode", "bearer");
        properties.put("zen-watcher.sources.falco.webhook.auth.bearer.secretRef.value", TOKEN);
        properties.put("zen-watcher.sources.falco.filter.minSeverity", "medium");
        properties.put("zen-watcher.sources.k8s-audit.type", "k8s-audit");
        properties.put("zen-watcher.sources.k8s-audit.webhook.auth.mode", "none");
        properties.put("zen-watcher.sources.k8s-audit.expectations.silentAfterSeconds", "600");
        return properties;
    }

    private static double lastEvent(PrometheusScrape scrape, String source) {
        return scrape.sum(LAST_EVENT, Map.of("source", source));
    }

    private static Set<String> queried(Predicate<String> belongs) {
        return MonitoringQueries.all().stream().flatMap(query -> query.series().stream()).filter(belongs)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static PrometheusScrape scrape(IsolatedApp app) {
        HttpResponse<String> response = app.get("/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusScrape.parse(response.body());
    }

    @SuppressWarnings("unchecked")
    private List<Object> observations() throws Exception {
        Map<String, Object> list = (Map<String, Object>) new CustomObjectsApi(server.apiClient())
                .listClusterCustomObject("zen.kube-zen.io", "v1alpha1", "observations").execute();
        return (List<Object>) list.get("items");
    }

    private static String falco(String priority) {
        return """
                {"rule": "Terminal shell in container", "priority": "%s", "source": "syscall",
                 "hostname": "worker-1", "time": "2024-05-01T10:21:37.123456789Z",
                 "output": "A shell was spawned in a container with an attached terminal",
                 "output_fields": {"container.name": "web", "evt.type": "execve", "k8s.ns.name": "prod",
                                   "k8s.pod.name": "web-7d4b9c-x2x9z", "proc.name": "bash"}}
                """.formatted(priority);
    }
}
