package io.kubezen.watcher.controller.gc;

import io.kubezen.watcher.controller.gc.memory.InMemoryObservationStore;
import io.kubezen.watcher.install.Install;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.testing.MutableClock;
import io.kubezen.watcher.throttle.TokenBucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SweeperTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Sweeper.Pause NO_WAIT = delay -> true;

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryObservationStore store = new InMemoryObservationStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Sweeper sweeper = new Sweeper(store, new CollectionScope(Install.DEFAULT, true),
            new TokenBucket(10, 5, clock), 4, registry);

    @Test
    void deletionsOfBothReasonsExistAtZeroBeforeAnySweep() {
        assertThat(registry.find(MetricNames.OBSERVATIONS_DELETED).counters())
                .extracting(counter -> counter.getId().getTag(MetricNames.TAG_REASON), Counter::count)
                .containsExactlyInAnyOrder(tuple(Sweep.TTL, 0.0), tuple(Sweep.MANUAL, 0.0));
    }

    @Test
    void deletesWhatTheConditionSelectsOnEveryPage() throws InterruptedException {
        addEach(11, "falco", "high");
        addEach(3, "trivy", "low");

        SweepResult result = sweeper.sweep(new Sweep(ObservationSelector.ALL,
                observation -> "falco".equals(observation.source()), false, "ttl"), NO_WAIT);

        assertThat(result.scanned()).isEqualTo(14);
        assertThat(result.matched()).isEqualTo(11);
        assertThat(result.deleted()).isEqualTo(11);
        assertThat(result.complete()).isTrue();
        assertThat(result.sample()).hasSize(Sweeper.SAMPLE_SIZE).allMatch(key -> key.startsWith("team-a/falco-"));
        assertThat(remaining()).hasSize(3).allMatch(name -> name.startsWith("trivy-"));
        assertThat(registry.get(MetricNames.OBSERVATIONS_DELETED).tag(MetricNames.TAG_REASON, "ttl").counter().count())
                .isEqualTo(11);
    }

    @Test
    void aDryRunCountsAndSamplesButDeletesNothing() throws InterruptedException {
        addEach(3, "falco", "high");

        SweepResult result = sweeper.sweep(new Sweep(new ObservationSelector(null, "falco", null),
                observation -> true, true, "manual"), NO_WAIT);

        assertThat(result.matched()).isEqualTo(3);
        assertThat(result.deleted()).isZero();
        assertThat(result.sample()).containsExactly("team-a/falco-0", "team-a/falco-1", "team-a/falco-2");
        assertThat(remaining()).hasSize(3);
    }

    @Test
    void deletesBeyondTheBurstWaitForTheRateLimit() throws InterruptedException {
        addEach(25, "falco", "high");
        List<Duration> waits = new ArrayList<>();

        sweeper.sweep(new Sweep(ObservationSelector.ALL, observation -> true, false, "ttl"), delay -> {
            waits.add(delay);
            clock.advance(delay);
            return true;
        });

        assertThat(waits).hasSize(20).allMatch(delay -> delay.equals(Duration.ofMillis(100)));
        assertThat(Duration.between(T0, clock.instant())).as("20 deletes after the burst of 5 at 10/s")
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(remaining()).isEmpty();
    }

    @Test
    void aPauseThatSaysStopEndsThePassEarly() throws InterruptedException {
        addEach(8, "falco", "high");

        SweepResult result = sweeper.sweep(new Sweep(ObservationSelector.ALL, observation -> true, false, "ttl"),
                delay -> false);

        assertThat(result.complete()).isFalse();
        assertThat(result.deleted()).as("the burst").isEqualTo(5);
        assertThat(remaining()).hasSize(3);
    }

    @Test
    void onlyTheInstallsOwnObservationsInItsNamespacesGo() throws InterruptedException {
        Sweeper scoped = new Sweeper(store, new CollectionScope(new Install("team-a", List.of("team-a", "shared")),
                false), new TokenBucket(100, 100, clock), 4, registry);
        for (String namespace : List.of("team-a", "shared", "team-b")) {
            for (String install : new String[] {"team-a", "team-b", null}) {
                store.add(new StoredObservation(namespace, install + "-obs", "uid-" + namespace + install, T0, null,
                        "falco", "high", install));
            }
        }

        SweepResult result = scoped.sweep(new Sweep(ObservationSelector.ALL, observation -> true, false, "ttl"),
                NO_WAIT);

        assertThat(result.deleted()).isEqualTo(2);
        assertThat(store.list(ObservationSelector.ALL, null, 1000).items()).extracting(StoredObservation::key)
                .doesNotContain("team-a/team-a-obs", "shared/team-a-obs")
                .contains("team-b/team-a-obs", "shared/team-b-obs", "shared/null-obs", "team-a/null-obs");
    }

    private void addEach(int count, String source, String severity) {
        for (int i = 0; i < count; i++) {
            store.add(new StoredObservation("team-a", source + "-" + i, "uid-" + source + i, T0, null, source,
                    severity, null));
        }
    }

    private List<String> remaining() {
        return store.list(ObservationSelector.ALL, null, 1000).items().stream().map(StoredObservation::name).toList();
    }
}
