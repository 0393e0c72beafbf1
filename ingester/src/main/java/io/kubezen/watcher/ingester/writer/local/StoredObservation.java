package io.kubezen.watcher.ingester.writer.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.SeenStatus;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.ObservationStatus;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the local file: the Observation as the API server would return it, so the file, the read
 * endpoint and {@code kubectl get obs -o json} look alike and tools can be pointed at either.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredObservation(
        String apiVersion, String kind, Metadata metadata, ObservationSpec spec, ObservationStatus status) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(String name, String namespace, Map<String, String> labels, Instant creationTimestamp) {
    }

    static StoredObservation of(ObservationWrite write, Instant createdAt) {
        return new StoredObservation(
                write.destination().apiVersion(),
                write.destination().kind(),
                new Metadata(write.name(), write.namespace(), write.labels(), createdAt),
                write.observation().spec(),
                status(write.status()));
    }

    static ObservationStatus status(SeenStatus seen) {
        return new ObservationStatus(null, null, seen.firstSeen(), seen.lastSeen(), seen.duplicateCount(), null);
    }

    /** This Observation with its latest status, as kept by the sink; unchanged when it knows none. */
    StoredObservation withStatus(SeenStatus latest) {
        return latest == null ? this : new StoredObservation(apiVersion, kind, metadata, spec, status(latest));
    }
}
