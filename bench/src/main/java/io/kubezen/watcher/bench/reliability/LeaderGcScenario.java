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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leading controller stopped while its GC deletes expired Observations, with a standby running: stopped
 * (SIGTERM: it ends its duties and hands the Lease back) or killed (SIGKILL: the Lease has to lapse). Each
 * controller talks to the API server with a bearer token of its own, which the test API server records with every
 * request, so the run proves who deleted what and when: the standby deletes nothing while the leader still does,
 * it takes the Lease in time, and the GC ends with every expired Observation deleted exactly once.
 *
 * <p>In time means within the lease duration after a stop. After a kill, the standby counts the lease duration
 * from when it last saw the Lease change, and client-java's elector looks at the Lease every retry period
 * stretched by a random factor of up to 2.2; so the bound is the lease duration plus two such looks.
 */
public final class LeaderGcScenario implements ReliabilityScenario {

    static final String LEASE = "zen-watcher-controller";
    static final Duration LEASE_DURATION = Duration.ofSeconds(6);
    static final Duration RETRY_PERIOD = Duration.ofMillis(500);
    /** client-java's LeaderElector waits between attempts to acquire up to this many retry periods. */
    static final double LONGEST_LOOK = 2.2;
    /** Slow enough that GC of the whole set takes several lease durations, so the kill lands mid-GC. */
    static final int GC_QPS = 50;
    static final Duration GC_INTERVAL = Duration.ofSeconds(2);
    private static final String DELETES = "/apis/zen\\.kube-zen\\.io/v1alpha1/namespaces/[^/]+/observations/[^/]+";
    private static final String LEASE_PATH = "/apis/coordination\\.k8s\\.io/v1/namespaces/" + Cluster.OBSERVATION_NAMESPACE
            + "/leases/" + LEASE;

    private final String name;
    private final boolean kill;

    private LeaderGcScenario(String name, boolean kill) {
        this.name = name;
        this.kill = kill;
    }

    /** The leader gets SIGTERM. */
    public static LeaderGcScenario stopped() {
        return new LeaderGcScenario("leader-gc-stop", false);
    }

    /** The leader gets SIGKILL. */
    public static LeaderGcScenario killed() {
        return new LeaderGcScenario("leader-gc-kill", true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Figure> run(Cluster cluster, ReliabilityPlan plan) throws Exception {
        TestApiServer api = cluster.apiServer();
        ChildProcess leader = cluster.apps().controller(name + "-controller-a", Apps.freePort(), settings(cluster, "controller-a"));
        Waits.until(() -> holder(api), "controller-a"::equals, Apps.READY_TIMEOUT);
        cluster.apps().controller(name + "-controller-b", Apps.freePort(), settings(cluster, "controller-b"));
        // Created once both run, so the leader's next GC run (every GC_INTERVAL) finds them with the standby ready.
        createExpired(cluster, plan.gcObservations());
        Waits.until(() -> deletesBy(api, "controller-a").size(), n -> n >= plan.gcObservations() / 5, plan.drainTimeout());
        Instant stopped = Instant.now();
        if (kill) {
            leader.kill();
        } else {
            leader.stop();
        }
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
        double bound = kill ? (LEASE_DURATION.toMillis() + 2 * LONGEST_LOOK * RETRY_PERIOD.toMillis()) / 1e3
                : LEASE_DURATION.toMillis() / 1e3;

        List<Figure> figures = new ArrayList<>();
        figures.add(Reconciliation.count(name, "expired Observations", plan.gcObservations()));
        figures.add(Reconciliation.count(name, "deleted by the leader", byA.size()));
        figures.add(Reconciliation.count(name, "deleted by the standby", byB.size()).withGoal(Goal.atLeast(1)));
        figures.add(Reconciliation.count(name, "left after GC", remaining(api)).withGoal(Goal.atMost(0)));
        figures.add(Reconciliation.count(name, "deleted twice", byA.size() + byB.size() - plan.gcObservations())
                .withGoal(Goal.atMost(0)));
        figures.add(Reconciliation.count(name, "standby deletes while the leader deleted",
                byB.stream().filter(r -> !r.at().isAfter(lastByA)).count()).withGoal(Goal.atMost(0)));
        figures.add(Figure.of(name, "takeover after the " + (kill ? "kill" : "stop signal"), "s",
                List.of(Duration.between(stopped, tookOver).toMillis() / 1e3)).withGoal(Goal.atMost(bound)));
        figures.add(Figure.of(name, "takeover after the last renewal", "s",
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
        Map<String, String> settings = new HashMap<>(cluster.redisSettings());
        settings.putAll(Map.ofEntries(
                Map.entry("kubernetes.client.base-path", cluster.apiServer().baseUrl()),
                Map.entry("kubernetes.client.token-path", token.toString()),
                Map.entry("zen-watcher.leader.identity", identity),
                Map.entry("zen-watcher.leader.lease-namespace", Cluster.OBSERVATION_NAMESPACE),
                Map.entry("zen-watcher.leader.lease-duration", LEASE_DURATION.toSeconds() + "s"),
                Map.entry("zen-watcher.leader.renew-deadline", "4s"),
                Map.entry("zen-watcher.leader.retry-period", RETRY_PERIOD.toMillis() + "ms"),
                Map.entry("zen-watcher.gc.qps", Integer.toString(GC_QPS)),
                Map.entry("zen-watcher.gc.burst", "10"),
                Map.entry("zen-watcher.gc.interval", GC_INTERVAL.toSeconds() + "s"),
                Map.entry("zen-watcher.gc.page-size", "100"),
                Map.entry("zen-watcher.tuning.enabled", "false")));
        return settings;
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
