package io.kubezen.watcher.ingester.writer;

import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.queue.QueuedObservation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ObservationWriteTest {

    @Test
    void queueEntryMapsToTheNameOfItsDedupRecord() {
        Observation observation = TestObservations.observation("apps", "falco", Severity.HIGH, "runtime_threat");

        ObservationWrite write = ObservationWrite.of(new QueuedObservation(observation, "fp", TestObservations.FIRST_SEEN));

        assertThat(write.name()).isEqualTo(ObservationNames.of("falco", "fp", TestObservations.FIRST_SEEN));
        assertThat(write.destination()).isEqualTo(DestinationResource.OBSERVATIONS);
        assertThat(write.namespace()).isEqualTo("apps");
    }

    @Test
    void managedByLabelIsAlwaysOurs() {
        Observation observation = TestObservations.observation("apps", "falco", Severity.HIGH, "runtime_threat");
        Observation claimed = new Observation("apps", Map.of("app.kubernetes.io/managed-by", "someone-else"), observation.spec());

        assertThat(ObservationWrite.of(claimed, "fp", TestObservations.FIRST_SEEN).labels())
                .containsExactly(Map.entry("app.kubernetes.io/managed-by", "zen-watcher"));
        assertThat(ObservationWrite.of(observation, "fp", TestObservations.FIRST_SEEN).labels())
                .containsEntry("zen.kube-zen.io/source", "falco")
                .containsEntry("app.kubernetes.io/managed-by", "zen-watcher");
    }
}
