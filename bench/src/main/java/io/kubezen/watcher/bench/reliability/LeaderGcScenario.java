package io.kubezen.watcher.bench.reliability;

import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubezen.watcher.bench.apps.Apps;
import io.kubezen.watcher.bench.apps.ChildProcess;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.bench.report.Goal;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationLabels;
import io.kubezen.watcher.testing.kube.RecordedRequest;
import io.kubezen.watcher.testing.kube.TestApiServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kill -9 of the leading controller while its GC deletes expired Observations, with a standby running. Each
 * controller talks to the API server with a bearer token of its own, which the test API server records with
 * every request; so the run can prove who deleted what and when: the standby deletes nothing while the leader
 * lives, takes the Lease within the lease duration of the kill (plus the retry period: a standby looks at the
 * Lease that often, and counts the duration from when it last saw it change), and the GC ends with every expired
 * Observation deleted exactly once.
 */
public final class LeaderGcScenario implements ReliabilityScenario {

    static final String NAME = "leader-gc";
    static final String LEASE = "zen-watcher-controller";
    static final Duration LEASE_DURATION = Duration.ofSeconds(6);
    static final Duration RETRY_PERIOD = Duration.ofSeconds(1);
    /** Slow enough that GC of the whole set takes several lease durations, so the kill lands mid-GC. */
    static final int GC_QPS = 50;
    static final Duration GC_INTERVAL = Duration.ofSeconds(2);
    private static final String DELETES = "/apis/zen\\.kube-zen\\.io/v1alpha1/namespaces/[^/]+/observations/[^/]+";
    private static final String LEASE_PATH = "/apis/coordination\\.k8s\\.io/v1/namespaces/" + Cluster.OBSERVATION_NAMESPACE
            + "/leases/" + LEASE;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(Cluster cluster, ReliabilityPlan plan) throws Exception {
        TestApiServer api = cluster.apiServer();
        ChildProcess leader = cluster.apps().controller(NAME + "-controller-a", Apps.freePort(), settings(cluster, "controller-a"));
        Waits.until(() -> holder(api), "controller-a"::equals, Apps.READY_TIMEOUT);
        cluster.apps().controller(NAME + "-controller-b", Apps.freePort(), settings(cluster, "controller-b"));
        // Created once both run, so the leader's next GC run (every GC_INTERVAL) finds them with the standby ready.
        createExpired(cluster, plan.gcObservations());
        Waits.until(() -> deletesBy(api, "controller-a").size(), n -> n >= plan.gcObservations() / 5, plan.drainTimeout());
        leader.kill();
        Instant killed = Instant.now();
        Waits.until(() -> holder(api), "controller-b"::equals, plan.drainTimeout());
        Instant tookOver = Instant.now();
        Waits.until(() -> remaining(api), n -> n == 0, plan.drainTimeout());

        List<RecordedRequest> byA = deletesBy(api, "controller-a");
        List<RecordedRequest> byB = deletesBy(api, "controller-b");
        Instant lastByA = byA.stream().map(RecordedRequest::at).max(Comparator.naturalOrder()).orElse(Instant.MIN);
        Instant lastRenewal = leaseWrites(api, "controller-a").stream().map(RecordedRequest::at)
                .max(Comparator.naturalOrder()).orElseThrow();
        Instant acquired = leaseWrites(api, "controller-b").stream().map(RecordedRequest::at)
                .min(Comparator.naturalOrder()).orElseThrow();
        double bound = LEASE_DURATION.plus(RETRY_PERIOD).toMillis() / 1e3;

        List<Figure> figures = new ArrayList<>();
        figures.add(Reconciliation.count(NAME, "expired Observations", plan.gcObservations()));
        figures.add(Reconciliation.count(NAME, "deleted by the leader", byA.size()));
        figures.add(Reconciliation.count(NAME, "deleted by the standby", byB.size()).withGoal(Goal.atLeast(1)));
        figures.add(Reconciliation.count(NAME, "left after GC", remaining(api)).withGoal(Goal.atMost(0)));
        figures.add(Reconciliation.count(NAME, "deleted twice", byA.size() + byB.size() - plan.gcObservations())
                .withGoal(Goal.atMost(0)));
        figures.add(Reconciliation.count(NAME, "standby deletes while the leader deleted",
                byB.stream().filter(r -> !r.at().isAfter(lastByA)).count()).withGoal(Goal.atMost(0)));
        figures.add(Figure.of(NAME, "takeover after the kill", "s",
                List.of(Duration.between(killed, tookOver).toMillis() / 1e3)).withGoal(Goal.atMost(bound)));
        figures.add(Figure.of(NAME, "takeover after the last renewal", "s",
                List.of(Duration.between(lastRenewal, acquired).toMillis() / 1e3)));
        return figures;
    }

    /** Labelled as the writer labels them (GC only lists its own), created ten minutes back, so they are past the one-minute TTL when GC sees them. */
    private static void createExpired(Cluster cluster, int count) throws Exception {
        CustomObjectsApi api = new CustomObjectsApi(cluster.apiServer().apiClient());
        cluster.apiClock().shiftBack(Duration.ofMinutes(10));
        try {
            for (int i = 0; i < count; i++) {
                Map<String, Object> observation = Map.of(
                        "apiVersion", Observation.API_GROUP + "/" + Observation.API_VERSION,
                        "kind", Observation.KIND,
                        "metadata", Map.of("name", "expired-" + i,
                                "labels", Map.of(ObservationLabels.MANAGED_BY, ObservationLabels.MANAGED_BY_VALUE)),
                        "spec", Map.of("source", "falco", "category", "security", "severity", "low",
                                "eventType", "terminal_shell_in_container", "ttlSecondsAfterCreation", 60));
                api.createNamespacedCustomObject(Observation.API_GROUP, Observation.API_VERSION,
                        Cluster.OBSERVATION_NAMESPACE, Observation.PLURAL, observation).execute();
            }
        } finally {
            cluster.apiClock().reset();
        }
    }

    private static Map<String, String> settings(Cluster cluster, String identity) throws Exception {
        Path token = cluster.apps().logDir().resolve(identity + ".token");
        Files.writeString(token, identity);
        return Map.ofEntries(
                Map.entry("zen-watcher.redis.uri", cluster.redis().uri()),
                Map.entry("kubernetes.client.base-path", cluster.apiServer().baseUrl()),
                Map.entry("kubernetes.client.token-path", token.toString()),
                Map.entry("zen-watcher.leader.identity", identity),
                Map.entry("zen-watcher.leader.lease-namespace", Cluster.OBSERVATION_NAMESPACE),
                Map.entry("zen-watcher.leader.lease-duration", LEASE_DURATION.toSeconds() + "s"),
                Map.entry("zen-watcher.leader.renew-deadline", "4s"),
                Map.entry("zen-watcher.leader.retry-period", RETRY_PERIOD.toSeconds() + "s"),
                Map.entry("zen-watcher.gc.qps", Integer.toString(GC_QPS)),
                Map.entry("zen-watcher.gc.burst", "10"),
                Map.entry("zen-watcher.gc.interval", GC_INTERVAL.toSeconds() + "s"),
                Map.entry("zen-watcher.gc.page-size", "100"),
                Map.entry("zen-watcher.tuning.enabled", "false"));
    }

    private static String holder(TestApiServer api) throws Exception {
        try {
            V1Lease lease = new CoordinationV1Api(api.apiClient())
                    .readNamespacedLease(LEASE, Cluster.OBSERVATION_NAMESPACE).execute();
            return lease.getSpec() == null ? "" : Optional.ofNullable(lease.getSpec().getHolderIdentity()).orElse("");
        } catch (io.kubernetes.client.openapi.ApiException e) {
            if (e.getCode() == 404) {
                return "";
            }
            throw e;
        }
    }

    private static int remaining(TestApiServer api) throws Exception {
        Object list = new CustomObjectsApi(api.apiClient()).listNamespacedCustomObject(Observation.API_GROUP,
                Observation.API_VERSION, Cluster.OBSERVATION_NAMESPACE, Observation.PLURAL).execute();
        return ((List<?>) ((Map<?, ?>) list).get("items")).size();
    }

    private static List<RecordedRequest> deletesBy(TestApiServer api, String identity) {
        return api.requests("DELETE", DELETES).stream()
                .filter(r -> r.bearerToken().equals(Optional.of(identity))).toList();
    }

    private static List<RecordedRequest> leaseWrites(TestApiServer api, String identity) {
        return api.requests(null, LEASE_PATH).stream()
                .filter(r -> !"GET".equals(r.method()) && r.bearerToken().equals(Optional.of(identity))).toList();
    }
}
