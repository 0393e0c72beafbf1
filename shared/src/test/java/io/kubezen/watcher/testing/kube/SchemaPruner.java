package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a real server does to a custom resource before validating it: drops fields the structural schema does not
 * declare (unless {@code x-kubernetes-preserve-unknown-fields} keeps them), drops {@code null}s of fields that
 * are not {@code nullable}, and fills in {@code default}s. Mutates the object in place.
 */
final class SchemaPruner {

    private static final List<String> ROOT_FIELDS = List.of("apiVersion", "kind", "metadata");

    private SchemaPruner() {
    }

    static void prune(ObjectNode object, JsonNode rootSchema) {
        pruneObject(object, rootSchema, true);
    }

    private static void prune(JsonNode value, JsonNode schema) {
        if (value instanceof ObjectNode object) {
            pruneObject(object, schema, false);
        } else if (value instanceof ArrayNode array && schema.has("items")) {
            array.forEach(item -> prune(item, schema.get("items")));
        }
    }

    private static void pruneObject(ObjectNode object, JsonNode schema, boolean root) {
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        List<String> drop = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : iterable(object)) {
            String name = field.getKey();
            JsonNode fieldSchema = properties.has(name) ? properties.get(name)
                    : additional.isObject() ? additional : null;
            if (root && ROOT_FIELDS.contains(name)) {
                continue;
            }
            if (fieldSchema == null) {
                if (!preserve) {
                    drop.add(name);
                }
            } else if (field.getValue().isNull() && !fieldSchema.path("nullable").asBoolean(false)) {
                drop.add(name);
            } else {
                prune(field.getValue(), fieldSchema);
            }
        }
        object.remove(drop);
        applyDefaults(object, properties);
    }

    private static void applyDefaults(ObjectNode object, JsonNode properties) {
        for (Map.Entry<String, JsonNode> property : iterable(properties)) {
            JsonNode defaultValue = property.getValue().get("default");
            if (defaultValue != null && !object.has(property.getKey())) {
                JsonNode value = defaultValue.deepCopy();
                prune(value, property.getValue());
                object.set(property.getKey(), value);
            }
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        node.fields().forEachRemaining(entries::add);
        return entries;
    }
}
