package io.kubezen.watcher.controller.gc;

import io.kubezen.watcher.install.Install;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CollectionScopeTest {

    private static final Install TEAMS = new Install("teams", List.of("team-a", "team-b"));
    private static final ObservationSelector FALCO = new ObservationSelector(null, "falco", null);

    @Test
    void aClusterWideInstallListsAcrossNamespacesByItsLabelAndUnlabeledOnesItAdopts() {
        assertThat(new CollectionScope(Install.DEFAULT, true).listings(FALCO))
                .extracting(ObservationSelector::namespace, ObservationSelector::source, ObservationSelector::install)
                .containsExactly(tuple(null, "falco", "zen-watcher"),
                        tuple(null, "falco", ObservationSelector.UNLABELED));
    }

    @Test
    void aNamespacedInstallListsEachOfItsNamespaces() {
        assertThat(new CollectionScope(TEAMS, false).listings(FALCO))
                .extracting(ObservationSelector::namespace, ObservationSelector::install)
                .containsExactly(tuple("team-a", "teams"), tuple("team-b", "teams"));
    }

    @Test
    void aFilteredNamespaceStaysWithinTheInstall() {
        CollectionScope scope = new CollectionScope(TEAMS, false);

        assertThat(scope.listings(new ObservationSelector("team-b", null, null)))
                .extracting(ObservationSelector::namespace).containsExactly("team-b");
        assertThat(scope.listings(new ObservationSelector("kube-system", null, null))).isEmpty();
    }
}
