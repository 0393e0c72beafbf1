package io.kubezen.watcher.controller.gc;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubezen.watcher.controller.gc.kubernetes.KubernetesObservationStore;
import io.kubezen.watcher.controller.gc.kubernetes.TestObservations;
import io.kubezen.watcher.controller.leader.LeaderDuties;
import io.kubezen.watcher.controller.leader.LeadershipAcquired;
import io.kubezen.watcher.controller.leader.LeadershipListener;
import io.kubezen.watcher.controller.leader.LeadershipLost;
import io.kubezen.watcher.install.Install;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationLabels;
import io.kubezen.watcher.model.TtlPolicy;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.MutableClock;
import io.kubezen.watcher.throttle.TokenBucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
 * GC as the leader runs it against an API server holding many Observations over many pages: exactly the expired
 * ones go. Everything is created now, by the server's clock, so the scenario holds on a real server too; GC's own
 * clock is set minutes ahead. Subclassed per API server.
 */
public abstract class GcDutyContract {

    protected static final int PAGE_SIZE = 100;

    protected final MutableClock gcClock = new MutableClock(Instant.now());
    protected final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** A client of a server serving the repository's CRDs. */
    protected abstract ApiClient client();

    /** An empty namespace of the server. */
    protected abstract String namespace(String prefix) throws Exception;

    /** How many Observations each group of the scenario holds. */
    protected abstract int scale();

    @Test
    void expiredObservationsGoPageByPageAndTheRestStays() throws Exception {
        List<String> namespaces = List.of(namespace("team-a"), namespace("team-b"), namespace("team-c"));
        Set<String> expired = new HashSet<>();
        expired.addAll(create(namespaces, "short", scale(), 60L));
        // A 10 second TTL counts as the 60 second minimum.
        expired.addAll(create(namespaces, "tiny", scale() / 2, 10L));
        Set<String> kept = new HashSet<>(create(namespaces, "hourly", scale(), 3600L));
        kept.addAll(create(namespaces, "default", scale(), null));
        TestObservations observations = new TestObservations(client());
        for (int i = 0; i < 50; i++) {
            observations.create(namespaces.get(0), "foreign-" + i, 60L, "falco", "high", "another-tool");
        }
        gcClock.set(Instant.now().plus(Duration.ofMinutes(5)));

        runGcOnce();

        Set<String> left = new HashSet<>(keys(namespaces));
        assertThat(left).hasSize(kept.size()).containsAll(kept).doesNotContainAnyElementsOf(expired);
        assertThat(foreign(namespaces.get(0))).as("not managed by zen-watcher").hasSize(50);
        assertThat(registry.get(MetricNames.OBSERVATIONS_DELETED).tag(MetricNames.TAG_REASON, "ttl").counter().count())
                .isEqualTo(expired.size());
    }

    /** One leadership term with GC, which sweeps once at its start. */
    protected void runGcOnce() {
        Sweeper sweeper = new Sweeper(new KubernetesObservationStore(client()),
                new CollectionScope(Install.DEFAULT, true), new TokenBucket(5000, 100, Clock.systemUTC()), PAGE_SIZE,
                registry);
        GcDuty gc = new GcDuty(sweeper, new TtlPolicy(TtlPolicy.DEFAULT_TTL), Duration.ofHours(1), gcClock, registry);
        LeaderDuties leader = new LeaderDuties(List.of(gc), LeadershipListener.NOOP, Duration.ofSeconds(10), registry);
        leader.acquired(new LeadershipAcquired("controller-a", Instant.now()));
        Await.until("the first GC run completed", Duration.ofSeconds(60), () -> runs("completed") == 1);
        leader.lost(new LeadershipLost("controller-a", Instant.now()));
    }

    /** Creates {@code count} Observations spread over {@code namespaces}, four at a time; their keys. */
    protected List<String> create(List<String> namespaces, String prefix, int count, Long ttlSeconds) throws Exception {
        TestObservations observations = new TestObservations(client());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String namespace = namespaces.get(i % namespaces.size());
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

    /** Every zen-watcher Observation of {@code namespaces}, as {@code namespace/name}. */
    protected List<String> keys(List<String> namespaces) {
        KubernetesObservationStore store = new KubernetesObservationStore(client());
        List<String> keys = new ArrayList<>();
        for (String namespace : namespaces) {
            String cursor = null;
            do {
                var page = store.list(new ObservationSelector(namespace, null, null), cursor, 1000);
                page.items().forEach(observation -> keys.add(observation.key()));
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    protected List<Object> foreign(String namespace) throws ApiException {
        Map<String, Object> list = (Map<String, Object>) new CustomObjectsApi(client())
                .listNamespacedCustomObject(Observation.API_GROUP, Observation.API_VERSION, namespace, Observation.PLURAL)
                .labelSelector(ObservationLabels.MANAGED_BY + "=another-tool").execute();
        return (List<Object>) list.get("items");
    }

    private double runs(String outcome) {
        Counter counter = registry.find(MetricNames.GC_RUNS).tag(MetricNames.TAG_OUTCOME, outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
