package io.kubezen.watcher.ingester.writer;

import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationLabels;
import io.kubezen.watcher.queue.QueuedObservation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Observation to write, with everything that makes the write idempotent.
 *
 * @param name        the resource name, derived from the dedup record so a redelivery meets the same name
 * @param fingerprint the dedup record's fingerprint
 * @param firstSeen   when the dedup record was created; a later record for the same fingerprint is a new object
 * @param destination the resource type to create; checked against {@link WriteRails} before every write
 * @param status      the status the Observation gets once created; a sink never lowers a status already there
 */
public record ObservationWrite(
        Observation observation, String name, String fingerprint, Instant firstSeen, DestinationResource destination,
        SeenStatus status) {

    public ObservationWrite {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(status, "status");
    }

    /** An Observation resource named by {@link ObservationNames#of}, seen once so far. */
    public static ObservationWrite of(Observation observation, String fingerprint, Instant firstSeen) {
        String name = ObservationNames.of(observation.spec().source(), fingerprint, firstSeen);
        return new ObservationWrite(observation, name, fingerprint, firstSeen, DestinationResource.OBSERVATIONS,
                SeenStatus.once(firstSeen));
    }

    /** The write for a queue entry: the same entry always maps to the same name. */
    public static ObservationWrite of(QueuedObservation queued) {
        return of(queued.observation(), queued.fingerprint(), queued.firstSeen());
    }

    public ObservationWrite withDestination(DestinationResource newDestination) {
        return new ObservationWrite(observation, name, fingerprint, firstSeen, newDestination, status);
    }

    public ObservationWrite withStatus(SeenStatus newStatus) {
        return new ObservationWrite(observation, name, fingerprint, firstSeen, destination, newStatus);
    }

    /** The same write with one more label on the Observation, replacing a label of the same key. */
    public ObservationWrite withLabel(String key, String value) {
        Map<String, String> labels = new LinkedHashMap<>(observation.labels());
        labels.put(key, value);
        return new ObservationWrite(new Observation(observation.namespace(), labels, observation.spec()), name,
                fingerprint, firstSeen, destination, status);
    }

    public String namespace() {
        return observation.namespace();
    }

    /**
     * The labels the resource gets: the Observation's own, set by the normalize stage, and managed-by (again,
     * for an entry queued without it), which GC selects by.
     */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>(observation.labels());
        labels.put(ObservationLabels.MANAGED_BY, ObservationLabels.MANAGED_BY_VALUE);
        return labels;
    }
}
