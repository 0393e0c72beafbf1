package io.kubezen.watcher.source.cloudevents;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.source.PayloadException;
import io.kubezen.watcher.source.mapping.FieldMapping;

import java.util.List;

/**
 * Turns one structured-form event into drafts. A configured mapping reads every event of the source: its
 * JSONPaths read the whole event ({@code $.data.x}, {@code $.subject}) and the event is kept as
 * {@code details.raw}. Without one, the event's {@code type} chooses a {@link CloudEventMapping}.
 */
final class CloudEventDrafts {

    private final FieldMapping configured;
    private final CloudEventMappings mappings;

    CloudEventDrafts(FieldMapping configured, CloudEventMappings mappings) {
        this.configured = configured;
        this.mappings = mappings;
    }

    /** @param path where the event is in the request, for messages: "" or {@code [3]} in a batch */
    List<ObservationDraft> drafts(JsonNode structured, String path) throws PayloadException {
        CloudEvent event = CloudEvent.read(structured, path);
        if (!configured.mapsContent()) {
            return mappings.find(event.type()).drafts(event);
        }
        ObservationDraft.Builder draft = DefaultMapping.common(event);
        configured.apply(structured, draft);
        return List.of(draft.raw(structured).build());
    }
}
