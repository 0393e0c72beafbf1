package io.kubezen.watcher.source.informer;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.JsonFields;

import java.util.ArrayList;
import java.util.List;

/** Reads the parts every kind of object shares, for the built-in mappings. Absent parts read as null or empty. */
public final class KubernetesObjects {

    private KubernetesObjects() {
    }

    /** A scalar field as text; null when absent, blank (Trivy's "no fixed version") or not a scalar. */
    public static String text(JsonNode node, String field) {
        String text = node == null ? null : JsonFields.scalarText(node.get(field));
        return text == null || text.isBlank() ? null : text;
    }

    public static String namespace(JsonNode object) {
        return text(object.path("metadata"), "namespace");
    }

    public static String name(JsonNode object) {
        return text(object.path("metadata"), "name");
    }

    /** The object itself as an Observation's resource. */
    public static ResourceRef self(JsonNode object) {
        return new ResourceRef(text(object, "apiVersion"), text(object, "kind"), name(object), namespace(object));
    }

    /** A {@code corev1.ObjectReference}; null when absent. */
    public static ResourceRef reference(JsonNode reference) {
        if (reference == null || !reference.isObject()) {
            return null;
        }
        return new ResourceRef(text(reference, "apiVersion"), text(reference, "kind"), text(reference, "name"),
                text(reference, "namespace"));
    }

    /**
     * The elements of an array field; empty when the field is absent or null, because a report without findings
     * often leaves the list out.
     *
     * @param path where {@code parent} sits, for the error message
     */
    public static List<JsonNode> elements(JsonNode parent, String field, String path) throws InvalidPayloadException {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidPayloadException(JsonFields.join(path, field), "must be a JSON array");
        }
        List<JsonNode> elements = new ArrayList<>(value.size());
        value.forEach(elements::add);
        return elements;
    }
}
