package io.kubezen.watcher.source.informer.kubeevent;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.normalize.Timestamps;
import io.kubezen.watcher.source.SourceDefaults;
import io.kubezen.watcher.source.informer.KubernetesObjects;
import io.kubezen.watcher.source.informer.ObjectMapping;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A core/v1 {@code Event} of type {@code Warning} is one finding about its involved object; {@code Normal}
 * events are none. The count and times change on every repeat, so they are details, not part of the fingerprint.
 */
public final class KubeEventMapping implements ObjectMapping {

    static final List<String> FINGERPRINT_FIELDS = List.of("resource", "eventType", "description");

    @Override
    public String name() {
        return "kube-event";
    }

    @Override
    public SourceDefaults defaults() {
        return new SourceDefaults(Category.OPERATIONS, Severity.MEDIUM, "kube_event", FINGERPRINT_FIELDS);
    }

    @Override
    public List<ObservationDraft> map(JsonNode event) {
        if (!"Warning".equals(KubernetesObjects.text(event, "type"))) {
            return List.of();
        }
        String reason = KubernetesObjects.text(event, "reason");
        JsonNode involved = event.get("involvedObject");
        return List.of(ObservationDraft.builder()
                .severity("warning")
                .eventType(reason)
                .rule(reason)
                .resource(KubernetesObjects.reference(involved))
                .title(Stream.of(reason, KubernetesObjects.text(involved, "kind"), KubernetesObjects.text(involved, "name"))
                        .filter(Objects::nonNull).collect(Collectors.joining(" ")))
                .description(KubernetesObjects.text(event, "message"))
                .detectedAt(lastSeen(event))
                .detail("count", event.get("count"))
                .detail("component", KubernetesObjects.text(event.path("source"), "component"))
                .detail("host", KubernetesObjects.text(event.path("source"), "host"))
                .detail("fieldPath", KubernetesObjects.text(involved, "fieldPath"))
                .build());
    }

    private static Instant lastSeen(JsonNode event) {
        for (String field : List.of("lastTimestamp", "eventTime", "firstTimestamp")) {
            Instant time = Timestamps.parse(event.get(field));
            if (time != null) {
                return time;
            }
        }
        return Timestamps.parse(event.path("metadata").get("creationTimestamp"));
    }
}
