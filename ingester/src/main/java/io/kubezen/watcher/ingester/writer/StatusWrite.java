package io.kubezen.watcher.ingester.writer;

import io.kubezen.watcher.queue.StatusHint;

import java.util.Objects;

/**
 * Brings the status of an existing Observation up to {@code status}, unless it already covers it.
 *
 * @param name        the Observation's name, derived from the dedup record like the create's
 * @param destination the resource type; checked against {@link WriteRails} like a create
 */
public record StatusWrite(String name, String namespace, DestinationResource destination, SeenStatus status) {

    public StatusWrite {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(status, "status");
    }

    /** The status update a queued hint asks for, with the values read from its dedup record. */
    public static StatusWrite of(StatusHint hint, SeenStatus status) {
        return new StatusWrite(ObservationNames.of(hint.source(), hint.fingerprint(), hint.firstSeen()),
                hint.namespace(), DestinationResource.OBSERVATIONS, status);
    }
}
