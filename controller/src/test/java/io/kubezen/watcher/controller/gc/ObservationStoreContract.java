package io.kubezen.watcher.controller.gc;

import io.kubezen.watcher.store.Page;
import io.kubezen.watcher.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ObservationStore} promises; subclassed once per implementation. */
public abstract class ObservationStoreContract {

    protected static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    /** The creation time of Observations added from now on. */
    protected final MutableClock clock = new MutableClock(T0);
    protected ObservationStore store;

    protected abstract ObservationStore createStore();

    /** Stores an Observation managed by zen-watcher, created at {@link #clock}'s time. */
    protected abstract void add(String namespace, String name, Long ttlSeconds, String source, String severity);

    /** Stores an Observation of {@code install} (no install label when null), from the falco source. */
    protected abstract void addOfInstall(String install, String namespace, String name);

    @BeforeEach
    void openStore() {
        store = createStore();
    }

    @Test
    void listsEveryObservationAcrossNamespacesPageByPage() {
        for (int i = 0; i < 25; i++) {
            add(i % 2 == 0 ? "team-a" : "team-b", "obs-" + (100 + i), null, "falco", "high");
        }

        List<Page<StoredObservation>> pages = allPages(ObservationSelector.ALL, 10);

        assertThat(pages).extracting(page -> page.items().size()).containsExactly(10, 10, 5);
        assertThat(pages.stream().flatMap(page -> page.items().stream()).map(StoredObservation::key))
                .hasSize(25).doesNotHaveDuplicates().contains("team-a/obs-100", "team-b/obs-101");
    }

    @Test
    void anObservationIsReadBackWithWhatGcNeeds() {
        clock.advance(Duration.ofHours(3));
        add("team-a", "obs-1", 3600L, "falco", "critical");
        add("team-a", "obs-2", null, "trivy", "low");

        List<StoredObservation> items = store.list(ObservationSelector.ALL, null, 10).items();

        assertThat(items).hasSize(2);
        StoredObservation first = items.get(0);
        assertThat(first.name()).isEqualTo("obs-1");
        assertThat(first.createdAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
        assertThat(first.ttlSecondsAfterCreation()).isEqualTo(3600L);
        assertThat(first.source()).isEqualTo("falco");
        assertThat(first.severity()).isEqualTo("critical");
        assertThat(first.uid()).isNotBlank().isNotEqualTo(items.get(1).uid());
        assertThat(items.get(1).ttlSecondsAfterCreation()).isNull();
    }

    @Test
    void aSelectorNarrowsBySourceSeverityAndNamespace() {
        add("team-a", "falco-high", null, "falco", "high");
        add("team-a", "falco-low", null, "falco", "low");
        add("team-b", "falco-high-b", null, "falco", "high");
        add("team-a", "trivy-high", null, "trivy", "high");

        assertThat(names(new ObservationSelector(null, "falco", "high"))).containsExactly("falco-high", "falco-high-b");
        assertThat(names(new ObservationSelector("team-a", "falco", null))).containsExactly("falco-high", "falco-low");
        assertThat(names(new ObservationSelector("team-b", "trivy", null))).isEmpty();
    }

    @Test
    void aSelectorNarrowsByInstallOrItsAbsence() {
        addOfInstall("team-a", "team-a", "of-a");
        addOfInstall("team-b", "team-a", "of-b");
        addOfInstall(null, "team-a", "of-none");

        assertThat(names(new ObservationSelector(null, null, null, "team-a"))).containsExactly("of-a");
        assertThat(names(new ObservationSelector(null, null, null, ObservationSelector.UNLABELED)))
                .containsExactly("of-none");
        assertThat(names(ObservationSelector.ALL)).containsExactlyInAnyOrder("of-a", "of-b", "of-none");
        assertThat(store.list(new ObservationSelector(null, null, null, "team-b"), null, 10).items())
                .extracting(StoredObservation::install).containsExactly("team-b");
    }

    @Test
    void deletingWhileListingNeitherSkipsNorRepeats() {
        for (int i = 0; i < 9; i++) {
            add("team-a", "obs-" + i, null, "falco", "high");
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<StoredObservation> page = store.list(ObservationSelector.ALL, cursor, 4);
            for (StoredObservation observation : page.items()) {
                seen.add(observation.name());
                assertThat(store.delete(observation)).isTrue();
            }
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).hasSize(9).doesNotHaveDuplicates();
        assertThat(store.list(ObservationSelector.ALL, null, 10).items()).isEmpty();
    }

    @Test
    void deleteAnswersFalseForAnObservationAlreadyGoneOrReplaced() {
        add("team-a", "obs-1", null, "falco", "high");
        StoredObservation first = store.list(ObservationSelector.ALL, null, 10).items().get(0);

        assertThat(store.delete(first)).isTrue();
        assertThat(store.delete(first)).as("already gone").isFalse();

        add("team-a", "obs-1", null, "falco", "high");
        assertThat(store.delete(first)).as("a newer one of the same name").isFalse();
        assertThat(names(ObservationSelector.ALL)).containsExactly("obs-1");
    }

    private List<String> names(ObservationSelector selector) {
        return allPages(selector, 100).stream().flatMap(page -> page.items().stream())
                .map(StoredObservation::name).toList();
    }

    private List<Page<StoredObservation>> allPages(ObservationSelector selector, int limit) {
        List<Page<StoredObservation>> pages = new ArrayList<>();
        String cursor = null;
        do {
            Page<StoredObservation> page = store.list(selector, cursor, limit);
            pages.add(page);
            cursor = page.nextCursor();
        } while (cursor != null);
        return pages;
    }
}
