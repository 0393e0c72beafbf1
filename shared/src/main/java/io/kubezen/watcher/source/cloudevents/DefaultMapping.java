package io.kubezen.watcher.source.cloudevents;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.normalize.Timestamps;
import io.kubezen.watcher.source.JsonFields;

import java.util.List;
import java.util.Set;

/**
 * Every type without a mapping of its own: the attributes, and the data kept as it came. Its
 * {@link #common} part is what other mappings start from.
 */
final class DefaultMapping implements CloudEventMapping {

    static final DefaultMapping INSTANCE = new DefaultMapping();

    private DefaultMapping() {
    }

    /** Severity, event type, title, time and {@code details.cloudevent}, from the attributes alone. */
    static ObservationDraft.Builder common(CloudEvent event) {
        String type = event.type();
        String subject = event.attribute("subject");
        return ObservationDraft.builder()
                .severity(severity(event))
                .eventType(type)
                .title(subject == null ? type : type + ": " + subject)
                .detectedAt(Timestamps.parse(event.attribute("time")))
                .detail(CloudEvent.ATTRIBUTES, event.attributes());
    }

    @Override
    public Set<String> types() {
        return Set.of();
    }

    @Override
    public List<ObservationDraft> drafts(CloudEvent event) {
        return List.of(common(event)
                .detail("data", event.data())
                .detail("data_base64", event.structured().get("data_base64"))
                .build());
    }

    /**
     * The {@code severity} extension, else the {@code priority} extension (falcosidekick's, and a common
     * choice of other producers), else {@code data.severity}; null leaves the source's default.
     */
    private static String severity(CloudEvent event) {
        String extension = event.attribute("severity");
        if (extension == null) {
            extension = event.attribute("priority");
        }
        if (extension != null) {
            return extension;
        }
        JsonNode data = event.data();
        return data != null && data.isObject() ? JsonFields.scalarText(data.get("severity")) : null;
    }
}
