package io.kubezen.watcher.bench.reliability;

import io.kubezen.watcher.bench.load.AcknowledgedLoad;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationTest {

    @Test
    void acknowledgedEventsMustEndAsExactlyOneObservationOrDeadLetter() {
        AcknowledgedLoad.Tally tally = new AcknowledgedLoad.Tally(6, Set.of("a", "b", "c", "d", "e"), 3, 2, 0, 1, 1);
        Cluster.Census census = new Cluster.Census(
                Map.of("a", 1, "b", 2, "c", 1, "f", 1),
                Map.of("c", 1, "d", 1),
                0, 1);

        Reconciliation reconciliation = Reconciliation.of(tally, census);

        assertThat(Reconciliation.lostIds(tally, census)).containsExactly("e");
        assertThat(reconciliation.lost()).isEqualTo(1);
        assertThat(reconciliation.duplicates()).as("b written twice, c written and dead-lettered").isEqualTo(2);
        assertThat(reconciliation.observations()).isEqualTo(5);
        assertThat(reconciliation.deadLetters()).isEqualTo(2);
        assertThat(reconciliation.acknowledged()).isEqualTo(5);
        assertThat(reconciliation.unavailable()).isEqualTo(3);
    }

    @Test
    void anEventNeverAcknowledgedIsNeitherLostNorADuplicateWhenWrittenOnce() {
        AcknowledgedLoad.Tally tally = new AcknowledgedLoad.Tally(2, Set.of("a"), 0, 0, 0, 1, 1);
        Cluster.Census census = new Cluster.Census(Map.of("a", 1, "b", 1), Map.of(), 0, 0);

        Reconciliation reconciliation = Reconciliation.of(tally, census);

        assertThat(reconciliation.lost()).isZero();
        assertThat(reconciliation.duplicates()).isZero();
    }
}
