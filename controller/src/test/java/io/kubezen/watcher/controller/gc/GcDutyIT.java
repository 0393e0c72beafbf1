package io.kubezen.watcher.controller.gc;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.controller.gc.kubernetes.TestObservations;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.testing.MutableClock;
import io.kubezen.watcher.testing.kube.TestApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GC against the in-process API server, whose settable clock also backdates creation: 5,000 Observations of
 * days and hours ago.
 */
class GcDutyIT extends GcDutyContract {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofDays(8));
    private static final List<String> NAMESPACES = List.of("team-a", "team-b", "team-c");

    private final MutableClock serverClock = new MutableClock(Instant.now());
    private TestApiServer server;

    @BeforeEach
    void startServer() {
        server = TestApiServer.builder().repositoryCrds().namespaces(NAMESPACES.toArray(String[]::new))
                .clock(serverClock).build().start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Override
    protected ApiClient client() {
        return server.apiClient();
    }

    @Override
    protected String namespace(String prefix) {
        return prefix;
    }

    @Override
    protected int scale() {
        return 500;
    }

    @Test
    void theLeadersFirstRunDeletesExactlyTheExpiredObservationsOfDaysAndHoursAgo() throws Exception {
        Set<String> expired = new HashSet<>();
        // Default TTL (7 days): 1,500 created on day 0 are expired on day 8, 1,000 created on day 2 are not.
        serverClock.set(T0);
        expired.addAll(create(NAMESPACES, "default-old", 1500, null));
        serverClock.set(T0.plus(Duration.ofDays(2)));
        create(NAMESPACES, "default-new", 1000, null);
        // One hour TTL: 1,000 created 12 hours ago are expired, 1,000 created 30 minutes ago are not.
        serverClock.set(NOW.minus(Duration.ofHours(12)));
        expired.addAll(create(NAMESPACES, "hourly-old", 1000, 3600L));
        serverClock.set(NOW.minus(Duration.ofMinutes(30)));
        create(NAMESPACES, "hourly-new", 1000, 3600L);
        // Not managed by zen-watcher: left alone even though long expired.
        serverClock.set(T0);
        for (int i = 0; i < 50; i++) {
            new TestObservations(client())
                    .create("team-a", "foreign-" + i, 60L, "falco", "high", "another-tool");
        }
        gcClock.set(NOW);

        runGcOnce();

        Set<String> left = new HashSet<>(keys(NAMESPACES));
        assertThat(left).hasSize(4500 - 2500).doesNotContainAnyElementsOf(expired);
        assertThat(foreign("team-a")).as("not managed by zen-watcher").hasSize(50);
        assertThat(registry.get(MetricNames.OBSERVATIONS_DELETED).tag(MetricNames.TAG_REASON, "ttl").counter().count())
                .isEqualTo(2500);
        assertThat(server.requestCount("GET", "/apis/zen.kube-zen.io/v1alpha1/observations"))
                .as("listed page by page").isGreaterThanOrEqualTo(4500 / PAGE_SIZE);
    }
}
