package io.kubezen.watcher.controller.gc;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubezen.watcher.controller.gc.kubernetes.KubernetesObservationStore;
import io.kubezen.watcher.controller.gc.kubernetes.TestObservations;
import io.kubezen.watcher.controller.leader.LeaderDuties;
import io.kubezen.watcher.controller.leader.LeadershipAcquired;
import io.kubezen.watcher.controller.leader.LeadershipListener;
import io.kubezen.watcher.controller.leader.LeadershipLost;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationLabels;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.MutableClock;
import io.kubezen.watcher.testing.kube.TestApiServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GC as the leader runs it, against the test API server holding 5,000 Observations over many pages: exactly the
 * expired ones go. Creation times come from the server's settable clock, "now" from GC's.
 */
class GcDutyIT {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofDays(8));
    private static final String[] NAMESPACES = {"team-a", "team-b", "team-c"};
    private static final int PAGE_SIZE = 250;

    private final MutableClock clock = new MutableClock(T0);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TestApiServer server;
    private TestObservations observations;

    @BeforeEach
    void startServer() {
        server = TestApiServer.builder().repositoryCrds().namespaces(NAMESPACES).clock(clock).build().start();
        observations = new TestObservations(server.apiClient());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void theLeadersFirstRunDeletesExactlyTheExpiredObservations() throws Exception {
        Set<String> expired = new HashSet<>();
        // Default TTL (7 days): 1,500 created on day 0 are expired on day 8, 1,000 created on day 2 are not.
        expired.addAll(create("default-old", 1500, null, T0));
        create("default-new", 1000, null, T0.plus(Duration.ofDays(2)));
        // One hour TTL: 1,000 created 12 hours ago are expired, 1,000 created 30 minutes ago are not.
        expired.addAll(create("hourly-old", 1000, 3600L, NOW.minus(Duration.ofHours(12))));
        create("hourly-new", 1000, 3600L, NOW.minus(Duration.ofMinutes(30)));
        // A 10 second TTL counts as the 60 second minimum: 2 minutes old is expired.
        expired.addAll(create("short", 500, 10L, NOW.minus(Duration.ofMinutes(2))));
        // Not managed by zen-watcher: left alone even though long expired.
        clock.set(T0);
        for (int i = 0; i < 50; i++) {
            observations.create("team-a", "foreign-" + i, 60L, "falco", "high", "another-tool");
        }
        clock.set(NOW);
        assertThat(expired).hasSize(3000);

        LeaderDuties leader = leaderWithGc();
        leader.acquired(new LeadershipAcquired("controller-a", Instant.now()));
        Await.until("the first GC run completed", Duration.ofSeconds(60), () -> runs("completed") == 1);
        leader.lost(new LeadershipLost("controller-a", Instant.now()));

        Set<String> left = new HashSet<>(allKeys());
        assertThat(left).hasSize(5000 - 3000).doesNotContainAnyElementsOf(expired);
        assertThat(foreign()).as("not managed by zen-watcher").hasSize(50);
        assertThat(registry.get(MetricNames.OBSERVATIONS_DELETED).tag(MetricNames.TAG_REASON, "ttl").counter().count())
                .isEqualTo(3000);
        assertThat(server.requestCount("GET", "/apis/zen.kube-zen.io/v1alpha1/observations"))
                .as("listed page by page").isGreaterThanOrEqualTo(5000 / PAGE_SIZE);
    }

    private LeaderDuties leaderWithGc() {
        Sweeper sweeper = new Sweeper(new KubernetesObservationStore(server.apiClient()),
                new TokenBucket(5000, 100, Clock.systemUTC()), PAGE_SIZE, registry);
        GcDuty gc = new GcDuty(sweeper, new TtlPolicy(TtlPolicy.DEFAULT_TTL), Duration.ofHours(1), clock, registry);
        return new LeaderDuties(List.of(gc), LeadershipListener.NOOP, Duration.ofSeconds(10), registry);
    }

    /** Creates {@code count} Observations at {@code createdAt}, spread over the namespaces, four at a time. */
    private List<String> create(String prefix, int count, Long ttlSeconds, Instant createdAt) throws Exception {
        clock.set(createdAt);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String namespace = NAMESPACES[i % NAMESPACES.length];
                String name = prefix + "-" + i;
                created.add(pool.submit(() -> {
                    observations.create(namespace, name, ttlSeconds, "falco", "high");
                    return namespace + "/" + name;
                }));
            }
            List<String> keys = new ArrayList<>();
            for (Future<String> future : created) {
                keys.add(future.get());
            }
            return keys;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> allKeys() {
        KubernetesObservationStore store = new KubernetesObservationStore(server.apiClient());
        List<String> keys = new ArrayList<>();
        String cursor = null;
        do {
            var page = store.list(ObservationSelector.ALL, cursor, 1000);
            page.items().forEach(observation -> keys.add(observation.key()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return keys;
    }

    @SuppressWarnings("unchecked")
    private List<Object> foreign() throws ApiException {
        Map<String, Object> list = (Map<String, Object>) new CustomObjectsApi(server.apiClient())
                .listNamespacedCustomObject(Observation.API_GROUP, Observation.API_VERSION, "team-a", Observation.PLURAL)
                .labelSelector(ObservationLabels.MANAGED_BY + "=another-tool").execute();
        return (List<Object>) list.get("items");
    }

    private double runs(String outcome) {
        Counter counter = registry.find(MetricNames.GC_RUNS).tag(MetricNames.TAG_OUTCOME, outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
