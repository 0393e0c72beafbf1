package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What happens to every incoming object before it is stored: type meta is checked, unknown metadata and (for
 * custom resources) unknown fields are pruned and defaults applied, and the result is validated.
 */
final class Admission {

    private Admission() {
    }

    /** Normalises {@code body} in place and returns it. */
    static ObjectNode admit(ResourceType type, ObjectNode body) {
        checkTypeMeta(type, body);
        ObjectMetaRules.prune(Json.metadata(body));
        if (type.schema() != null) {
            SchemaPruner.prune(body, type.schema());
        }
        return body;
    }

    /** 422 Invalid, with every cause, unless the object meets the metadata rules, its schema and its CEL rules. */
    static void validate(ResourceType type, ObjectNode object) {
        ObjectNode metadata = Json.metadata(object);
        List<FieldError> errors = new ArrayList<>(ObjectMetaRules.validate(metadata, type));
        if (type.schema() != null) {
            errors.addAll(SchemaValidator.validate(object, type.schema()));
            errors.addAll(CelRules.check(object, type.schema(), List.copyOf(errors)));
        }
        if (!errors.isEmpty()) {
            throw ApiError.invalid(type, Json.text(metadata, "name"), errors);
        }
    }

    /**
     * Built-in endpoints default a missing apiVersion/kind; custom resources are decoded without a Go type behind
     * them, so the real server rejects a body that lacks them, and so do we.
     */
    private static void checkTypeMeta(ResourceType type, ObjectNode body) {
        String apiVersion = Json.text(body, "apiVersion");
        String kind = Json.text(body, "kind");
        if (type.custom() && kind.isEmpty()) {
            throw ApiError.badRequest("Object 'Kind' is missing in '" + body + "'");
        }
        if (type.custom() && apiVersion.isEmpty()) {
            throw ApiError.badRequest("Object 'apiVersion' is missing in '" + body + "'");
        }
        if (!apiVersion.isEmpty() && !apiVersion.equals(type.apiVersion())) {
            throw ApiError.badRequest("the API version in the data (" + apiVersion
                    + ") does not match the expected API version (" + type.apiVersion() + ")");
        }
        if (!kind.isEmpty() && !kind.equals(type.kind())) {
            throw ApiError.badRequest("the kind in the data (" + kind + ") does not match the expected kind ("
                    + type.kind() + ")");
        }
        body.put("apiVersion", type.apiVersion()).put("kind", type.kind());
    }
}
