package io.kubezen.watcher.source.cloudevents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.source.JsonFields;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Knative Eventing's {@code ApiServerSource}: one event per add, update or delete of a watched object. In
 * Resource mode the data is the object, in Ref mode an object reference ({@code apiVersion}, {@code kind},
 * {@code name}, {@code namespace}); either names the Observation's resource. The object's
 * {@code metadata.managedFields} are left out of {@code details.data}: they are bookkeeping, and often what
 * pushes an object past the detail size bound.
 */
final class ApiServerSourceMapping implements CloudEventMapping {

    private static final String PREFIX = "dev.knative.apiserver.";
    private static final String REF_MODE = PREFIX + "ref.";
    private static final Map<String, String> PAST = Map.of("add", "added", "update", "updated", "delete", "deleted");

    @Override
    public Set<String> types() {
        return Set.of(PREFIX + "resource.add", PREFIX + "resource.update", PREFIX + "resource.delete",
                REF_MODE + "add", REF_MODE + "update", REF_MODE + "delete");
    }

    @Override
    public List<ObservationDraft> drafts(CloudEvent event) {
        JsonNode data = event.data();
        if (data == null || !data.isObject()) {
            return DefaultMapping.INSTANCE.drafts(event);
        }
        boolean refMode = event.type().startsWith(REF_MODE);
        ObservationDraft.Builder draft = DefaultMapping.common(event);
        JsonNode metadata = refMode ? data : data.path("metadata");
        ResourceRef resource = new ResourceRef(text(data, "apiVersion"), text(data, "kind"), text(metadata, "name"),
                text(metadata, "namespace"));
        if (resource.kind() != null && resource.name() != null) {
            String object = resource.namespace() == null ? resource.name() : resource.namespace() + "/" + resource.name();
            String verb = event.type().substring(event.type().lastIndexOf('.') + 1);
            draft.title(resource.kind() + " " + object + " " + PAST.get(verb));
        }
        return List.of(draft.resource(resource).detail("data", refMode ? data : withoutManagedFields(data)).build());
    }

    private static JsonNode withoutManagedFields(JsonNode object) {
        if (!object.path("metadata").has("managedFields")) {
            return object;
        }
        ObjectNode copy = object.deepCopy();
        ((ObjectNode) copy.get("metadata")).remove("managedFields");
        return copy;
    }

    private static String text(JsonNode object, String name) {
        String value = JsonFields.scalarText(object.get(name));
        return value == null || value.isBlank() ? null : value;
    }
}
