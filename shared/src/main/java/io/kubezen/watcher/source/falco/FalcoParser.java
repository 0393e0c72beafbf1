package io.kubezen.watcher.source.falco;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.normalize.Timestamps;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.JsonFields;
import io.kubezen.watcher.source.JsonReader;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.PayloadException;
import io.kubezen.watcher.source.ResourceKinds;

import java.time.Instant;
import java.util.List;

/**
 * Reads one Falco alert. Every payload field lands in details, so no separate raw copy is kept. The
 * affected resource is the pod, else the k8saudit plugin's target, else the namespace, else the node.
 */
final class FalcoParser implements EventParser {

    private final JsonReader reader;

    FalcoParser(JsonReader reader) {
        this.reader = reader;
    }

    @Override
    public List<ObservationDraft> parse(Payload payload) throws PayloadException {
        payload.requireJson();
        JsonNode alert = JsonFields.requireObject(reader.read(payload.body()), "payload");
        String rule = JsonFields.requireText(alert, "rule", "");
        String priority = JsonFields.requireText(alert, "priority", "");
        String hostname = JsonFields.optionalText(alert, "hostname", "");
        JsonNode fields = JsonFields.optionalObject(alert, "output_fields", "");
        JsonNode tags = alert.get("tags");
        if (tags != null && !tags.isNull() && !tags.isArray()) {
            throw new InvalidPayloadException("tags", "must be a JSON array");
        }
        String output = JsonFields.optionalText(alert, "output", "");
        ObservationDraft draft = ObservationDraft.builder()
                .severity(FalcoPriorities.severityWord(priority))
                .eventType(rule)
                .rule(rule)
                .title(rule)
                .description(output)
                .resource(resource(fields, hostname))
                .detectedAt(detectedAt(JsonFields.optionalText(alert, "time", ""), fields))
                .detail("priority", priority)
                .detail("source", JsonFields.optionalText(alert, "source", ""))
                .detail("hostname", hostname)
                .detail("uuid", JsonFields.optionalText(alert, "uuid", ""))
                .detail("tags", tags)
                .detail("output", output)
                .detail("container", container(fields))
                .detail("output_fields", fields)
                .build();
        return List.of(draft);
    }

    private static ResourceRef resource(JsonNode fields, String hostname) {
        String namespace = field(fields, "k8s.ns.name");
        String pod = field(fields, "k8s.pod.name");
        if (pod != null) {
            return new ResourceRef("v1", "Pod", pod, namespace);
        }
        String target = field(fields, "ka.target.resource");
        if (target != null) {
            return new ResourceRef(null, ResourceKinds.kindOf(target), field(fields, "ka.target.name"),
                    field(fields, "ka.target.namespace"));
        }
        if (namespace != null) {
            return new ResourceRef(null, null, null, namespace);
        }
        return hostname == null ? null : new ResourceRef("v1", "Node", hostname, null);
    }

    private static Instant detectedAt(String time, JsonNode fields) {
        Instant parsed = Timestamps.parse(time);
        return parsed != null || fields == null ? parsed : Timestamps.parse(fields.get("evt.time"));
    }

    /**
     * The container in one place; absent for host processes, which Falco reports as container "host". A JSON
     * object, like the other details, so that bounding it reads it directly rather than converting it to one first.
     */
    private static ObjectNode container(JsonNode fields) {
        String id = field(fields, "container.id");
        if (id == null || id.equals("host")) {
            return null;
        }
        ObjectNode container = JsonNodeFactory.instance.objectNode();
        container.put("id", id);
        putIfPresent(container, "name", field(fields, "container.name"));
        String repository = field(fields, "container.image.repository");
        String tag = field(fields, "container.image.tag");
        putIfPresent(container, "image", repository == null || tag == null ? repository : repository + ":" + tag);
        return container;
    }

    /** Falco writes "<NA>" for fields it could not resolve; that is no value. */
    private static String field(JsonNode fields, String name) {
        String value = fields == null ? null : JsonFields.scalarText(fields.get(name));
        return value == null || value.isBlank() || value.equals("<NA>") ? null : value;
    }

    private static void putIfPresent(ObjectNode container, String key, String value) {
        if (value != null) {
            container.put(key, value);
        }
    }
}
