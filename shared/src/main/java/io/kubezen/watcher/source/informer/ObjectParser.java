package io.kubezen.watcher.source.informer;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.JsonFields;
import io.kubezen.watcher.source.JsonReader;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.PayloadException;

import java.util.List;

/** Reads one Kubernetes object and hands it to its mapping. */
final class ObjectParser implements EventParser {

    /** A mapping's view of the object, whether built in or JSONPath. */
    @FunctionalInterface
    interface Mapper {
        List<ObservationDraft> map(JsonNode object) throws PayloadException;
    }

    private final JsonReader reader;
    private final Mapper mapper;

    ObjectParser(JsonReader reader, Mapper mapper) {
        this.reader = reader;
        this.mapper = mapper;
    }

    @Override
    public List<ObservationDraft> parse(Payload payload) throws PayloadException {
        payload.requireJson();
        return mapper.map(JsonFields.requireObject(reader.read(payload.body(), "object"), "object"));
    }
}
