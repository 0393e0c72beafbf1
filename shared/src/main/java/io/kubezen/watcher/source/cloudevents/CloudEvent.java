package io.kubezen.watcher.source.cloudevents;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.JsonFields;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event in structured form with its context attributes checked: what every mapping reads.
 *
 * @param structured the event as JSON: its attributes and its {@code data} or {@code data_base64}
 * @param attributes every context attribute, extensions included, as strings, in the event's order
 * @param path       where the event is in the request, for messages: "" or {@code [3]} in a batch
 */
record CloudEvent(JsonNode structured, Map<String, String> attributes, String path) {

    /** The detail that holds the attributes. */
    static final String ATTRIBUTES = "cloudevent";
    private static final List<String> REQUIRED = List.of("id", "source", "specversion", "type");
    private static final String SPEC_VERSION = "1.0";

    static CloudEvent read(JsonNode structured, String path) throws InvalidPayloadException {
        for (String name : REQUIRED) {
            JsonFields.requireText(structured, name, path);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (var fields = structured.fields(); fields.hasNext(); ) {
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
        String specVersion = attributes.get("specversion");
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new InvalidPayloadException(JsonFields.join(path, "specversion"),
                    "must be \"1.0\", got '" + specVersion + "'");
        }
        return new CloudEvent(structured, Collections.unmodifiableMap(attributes), path);
    }

    String type() {
        return attributes.get("type");
    }

    /** The attribute's value, or null when the event has none. */
    String attribute(String name) {
        return attributes.get(name);
    }

    /** The data as JSON (a string for text data), or null. */
    JsonNode data() {
        return structured.get("data");
    }

    /** Where the data is in the request, for messages. */
    String dataPath() {
        return JsonFields.join(path, "data");
    }
}
