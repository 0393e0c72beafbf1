package io.kubezen.watcher.ingester.writer.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.ingester.writer.DestinationResource;
import io.kubezen.watcher.ingester.writer.SeenStatus;
import io.kubezen.watcher.model.ObservationStatus;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A line of the local file that moves one Observation's status forward, shaped like the API server's answer to a
 * status patch so the file stays readable with the same tools.
 */
record StatusLine(String apiVersion, String kind, StoredObservation.Metadata metadata, ObservationStatus status) {

    private static final String KIND = "ObservationStatus";

    static StatusLine of(DestinationResource destination, String namespace, String name, SeenStatus status) {
        return new StatusLine(destination.apiVersion(), KIND,
                new StoredObservation.Metadata(name, namespace, null, null), StoredObservation.status(status));
    }

    /** Whether a line of the file is a status line rather than an Observation. */
    static boolean is(JsonNode line) {
        return KIND.equals(line.path("kind").asText());
    }

    /** The seen part of a stored status; null when the line has none (files of earlier versions). */
    static SeenStatus seen(JsonNode status) {
        if (!status.path("lastSeen").isTextual() || !status.path("firstSeen").isTextual()) {
            return null;
        }
        try {
            return new SeenStatus(Instant.parse(status.path("firstSeen").asText()),
                    Instant.parse(status.path("lastSeen").asText()), status.path("duplicateCount").asLong(0));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
