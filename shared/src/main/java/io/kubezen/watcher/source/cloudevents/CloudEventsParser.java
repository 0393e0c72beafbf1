package io.kubezen.watcher.source.cloudevents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.JsonFields;
import io.kubezen.watcher.source.JsonReader;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.PayloadException;
import io.kubezen.watcher.source.UnsupportedContentTypeException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells the HTTP binding's modes apart by media type and headers, and brings every event into the
 * structured form (attributes plus {@code data}) so that one reader and one mapping serve all modes.
 */
final class CloudEventsParser implements EventParser {

    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";
    private static final String HEADER_PREFIX = "ce-";
    private static final String EXPECTED = STRUCTURED + ", " + BATCH + ", or binary mode with ce-* headers";

    private final JsonReader reader;
    private final CloudEventDrafts drafts;

    CloudEventsParser(JsonReader reader, CloudEventDrafts drafts) {
        this.reader = reader;
        this.drafts = drafts;
    }

    @Override
    public List<ObservationDraft> parse(Payload payload) throws PayloadException {
        String mediaType = payload.mediaType();
        if (mediaType.equals(STRUCTURED)) {
            return drafts.drafts(JsonFields.requireObject(reader.read(payload.body()), "payload"), "");
        }
        if (mediaType.equals(BATCH)) {
            return batch(reader.read(payload.body()));
        }
        if (mediaType.startsWith("application/cloudevents")) {
            throw new UnsupportedContentTypeException(payload.contentType(), EXPECTED);
        }
        if (payload.headers().containsKey(HEADER_PREFIX + "specversion")) {
            return drafts.drafts(binary(payload), "");
        }
        if (!payload.isJson()) {
            throw new UnsupportedContentTypeException(payload.contentType(), EXPECTED);
        }
        // Some senders post structured events as plain application/json; accept them if they look like one.
        JsonNode body = reader.read(payload.body());
        if (!body.isObject() || !body.has("specversion")) {
            throw new InvalidPayloadException("specversion", "is required: send ce-* headers (binary mode) or "
                    + STRUCTURED + " (structured mode)");
        }
        return drafts.drafts(body, "");
    }

    private List<ObservationDraft> batch(JsonNode events) throws PayloadException {
        if (!events.isArray()) {
            throw new InvalidPayloadException("payload", "must be a JSON array of events in batch mode");
        }
        List<ObservationDraft> result = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            String path = JsonFields.index("", i);
            result.addAll(drafts.drafts(JsonFields.requireObject(events.get(i), path), path));
        }
        return result;
    }

    /** Binary mode: attributes in {@code ce-*} headers (percent-encoded), the body is the data. */
    private ObjectNode binary(Payload payload) throws PayloadException {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> header : payload.headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(HEADER_PREFIX) && name.length() > HEADER_PREFIX.length()) {
                event.put(name.substring(HEADER_PREFIX.length()), PercentEncoding.decode(header.getValue()));
            }
        }
        if (payload.contentType() != null) {
            event.put("datacontenttype", payload.contentType());
        }
        byte[] body = payload.body();
        if (body.length == 0) {
            return event;
        }
        if (payload.isJson()) {
            event.set("data", reader.read(body, "data"));
        } else if (payload.mediaType().startsWith("text/")) {
            event.put("data", new String(body, StandardCharsets.UTF_8));
        } else {
            event.put("data_base64", Base64.getEncoder().encodeToString(body));
        }
        return event;
    }
}
