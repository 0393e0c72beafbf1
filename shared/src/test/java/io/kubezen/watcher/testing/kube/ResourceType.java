package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * One served resource at one version, as discovery describes it. Versions of the same resource share storage,
 * like a CRD with several served versions and no conversion webhook.
 *
 * @param custom       defined by a CRD: tracks {@code metadata.generation}, returns the object on delete and
 *                     refuses strategic merge patch, as the real server does for custom resources
 * @param schema       the version's {@code openAPIV3Schema}, or null for built-in types
 * @param fieldLabels  the fields a field selector may name
 */
record ResourceType(
        String group,
        String version,
        String plural,
        String singular,
        String kind,
        boolean namespaced,
        boolean statusSubresource,
        boolean custom,
        List<String> shortNames,
        Set<String> fieldLabels,
        JsonNode schema) {

    static final Set<String> META_FIELD_LABELS = Set.of("metadata.name", "metadata.namespace");

    ResourceType {
        shortNames = List.copyOf(shortNames);
        fieldLabels = Set.copyOf(fieldLabels);
    }

    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The name the server uses in messages and details: {@code configmaps} or {@code probes.example.io}. */
    String groupResource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** The kind as validation messages qualify it: {@code ConfigMap} or {@code Probe.example.io}. */
    String qualifiedKind() {
        return group.isEmpty() ? kind : kind + "." + group;
    }

    String listKind() {
        return kind + "List";
    }

    boolean sameResource(ResourceType other) {
        return group.equals(other.group) && plural.equals(other.plural);
    }

    /** The stored object as this version shows it: versions share storage and differ only in apiVersion. */
    ObjectNode present(ObjectNode stored) {
        if (apiVersion().equals(Json.text(stored, "apiVersion"))) {
            return stored;
        }
        return stored.deepCopy().put("apiVersion", apiVersion());
    }
}
