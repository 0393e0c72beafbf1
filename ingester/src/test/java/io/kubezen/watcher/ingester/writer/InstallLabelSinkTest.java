package io.kubezen.watcher.ingester.writer;

import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InstallLabelSinkTest {

    private final List<ObservationWrite> written = new ArrayList<>();
    private final ObservationSink recording = new ObservationSink() {
        @Override
        public WriteResult write(ObservationWrite write) {
            written.add(write);
            return WriteResult.created(write.name());
        }

        @Override
        public WriteResult updateStatus(StatusWrite update) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void everyCreatedObservationCarriesTheInstallsLabelWhateverTheEntrySaid() {
        Observation observation = TestObservations.observation("apps", "falco", Severity.HIGH, "runtime_threat");
        Observation claimed = new Observation("apps", Map.of("zen.kube-zen.io/install", "other"), observation.spec());
        ObservationSink sink = new InstallLabelSink(recording, "team-a");

        sink.writeAll(List.of(ObservationWrite.of(observation, "fp-1", TestObservations.FIRST_SEEN),
                ObservationWrite.of(claimed, "fp-2", TestObservations.FIRST_SEEN)));

        assertThat(written).extracting(write -> write.labels().get("zen.kube-zen.io/install"))
                .containsExactly("team-a", "team-a");
        assertThat(written.get(0).labels()).containsEntry("zen.kube-zen.io/source", "falco")
                .containsEntry("app.kubernetes.io/managed-by", "zen-watcher");
    }
}
