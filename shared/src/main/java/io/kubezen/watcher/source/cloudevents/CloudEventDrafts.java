package io.kubezen.watcher.source.cloudevents;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.normalize.Timestamps;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.JsonFields;
import io.kubezen.watcher.source.mapping.FieldMapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one structured-form event into a draft. Attributes go to {@code details.cloudevent}. Without a
 * configured mapping the data is kept whole as {@code details.data}; with one, the mapping's JSONPaths
 * read the whole event ({@code $.data.x}, {@code $.subject}) and the event is kept as {@code details.raw}.
 */
final class CloudEventDrafts {

    static final String ATTRIBUTES = "cloudevent";
    private static final List<String> REQUIRED = List.of("id", "source", "specversion", "type");
    private static final String SPEC_VERSION = "1.0";

    private final FieldMapping mapping;

    CloudEventDrafts(FieldMapping mapping) {
        this.mapping = mapping;
    }

    /** @param path where the event is in the request, for messages: "" or {@code [3]} in a batch */
    ObservationDraft draft(JsonNode event, String path) throws InvalidPayloadException {
        Map<String, String> attributes = attributes(event, path);
        String specVersion = attributes.get("specversion");
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new InvalidPayloadException(JsonFields.join(path, "specversion"),
                    "must be \"1.0\", got '" + specVersion + "'");
        }
        String type = attributes.get("type");
        String subject = attributes.get("subject");
        JsonNode data = event.get("data");
        ObservationDraft.Builder draft = ObservationDraft.builder()
                .severity(severity(attributes, data))
                .eventType(type)
                .title(subject == null ? type : type + ": " + subject)
                .detectedAt(Timestamps.parse(attributes.get("time")))
                .detail(ATTRIBUTES, attributes);
        if (mapping.mapsContent()) {
            mapping.apply(event, draft);
            draft.raw(event);
        } else {
            draft.detail("data", data).detail("data_base64", event.get("data_base64"));
        }
        return draft.build();
    }

    /** Every context attribute, extensions included, as strings; the required ones must be there. */
    private static Map<String, String> attributes(JsonNode event, String path) throws InvalidPayloadException {
        for (String name : REQUIRED) {
            JsonFields.requireText(event, name, path);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (var fields = event.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("data") || field.getKey().equals("data_base64")) {
                continue;
            }
            String value = JsonFields.scalarText(field.getValue());
            if (value == null && !field.getValue().isNull()) {
                throw new InvalidPayloadException(JsonFields.join(path, field.getKey()),
                        "must be a string, number or boolean: CloudEvents attributes are scalars");
            }
            if (value != null) {
                attributes.put(field.getKey(), value);
            }
        }
        return attributes;
    }

    /** The {@code severity} extension attribute, else {@code data.severity}; null leaves the default. */
    private static String severity(Map<String, String> attributes, JsonNode data) {
        String extension = attributes.get("severity");
        if (extension != null) {
            return extension;
        }
        return data != null && data.isObject() ? JsonFields.scalarText(data.get("severity")) : null;
    }
}
