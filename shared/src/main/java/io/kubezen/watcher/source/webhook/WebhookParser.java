package io.kubezen.watcher.source.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.JsonReader;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.PayloadException;
import io.kubezen.watcher.source.mapping.FieldMapping;

import java.util.List;

/** Splits the payload into items and maps each; every item is also kept as {@code details.raw}. */
final class WebhookParser implements EventParser {

    private final JsonReader reader;
    private final FieldMapping mapping;

    WebhookParser(JsonReader reader, FieldMapping mapping) {
        this.reader = reader;
        this.mapping = mapping;
    }

    @Override
    public List<ObservationDraft> parse(Payload payload) throws PayloadException {
        payload.requireJson();
        JsonNode body = reader.read(payload.body());
        if (!body.isContainerNode()) {
            throw new InvalidPayloadException("payload", "must be a JSON object or array");
        }
        return mapping.drafts(body);
    }
}
