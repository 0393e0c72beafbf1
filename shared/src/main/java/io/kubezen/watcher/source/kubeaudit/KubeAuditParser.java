package io.kubezen.watcher.source.kubeaudit;

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
import java.util.ArrayList;
import java.util.List;

/**
 * Reads audit events. The raw copy leaves out {@code requestObject} and {@code responseObject}: at the
 * RequestResponse level they hold whole objects, secret values included, which must not be copied into
 * Observations that more people can read.
 */
final class KubeAuditParser implements EventParser {

    static final String API_VERSION = "audit.k8s.io/v1";
    private static final String REASON_ANNOTATION = "authorization.k8s.io/reason";

    private final JsonReader reader;

    KubeAuditParser(JsonReader reader) {
        this.reader = reader;
    }

    @Override
    public List<ObservationDraft> parse(Payload payload) throws PayloadException {
        payload.requireJson();
        JsonNode root = JsonFields.requireObject(reader.read(payload.body()), "payload");
        String apiVersion = JsonFields.requireText(root, "apiVersion", "");
        if (!API_VERSION.equals(apiVersion)) {
            throw new InvalidPayloadException("apiVersion", "must be " + API_VERSION + ", got '" + apiVersion + "'");
        }
        String kind = JsonFields.requireText(root, "kind", "");
        if (kind.equals("Event")) {
            return List.of(event(root, ""));
        }
        if (!kind.equals("EventList")) {
            throw new InvalidPayloadException("kind", "must be EventList or Event, got '" + kind + "'");
        }
        JsonNode items = JsonFields.requireArray(root, "items", "");
        List<ObservationDraft> drafts = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            drafts.add(event(items.get(i), JsonFields.index("items", i)));
        }
        return drafts;
    }

    private static ObservationDraft event(JsonNode event, String path) throws InvalidPayloadException {
        JsonFields.requireObject(event, path.isEmpty() ? "payload" : path);
        String verb = JsonFields.requireText(event, "verb", path);
        JsonNode user = JsonFields.optionalObject(event, "user", path);
        String username = user == null ? null : JsonFields.optionalText(user, "username", JsonFields.join(path, "user"));
        JsonNode impersonated = JsonFields.optionalObject(event, "impersonatedUser", path);
        JsonNode objectRef = JsonFields.optionalObject(event, "objectRef", path);
        Target target = Target.of(objectRef, JsonFields.join(path, "objectRef"));
        if (verb.equals("create") && target.resource() != null && target.name() == null) {
            target = target.named(createdName(event));
        }
        JsonNode status = JsonFields.optionalObject(event, "responseStatus", path);
        Integer code = code(status, JsonFields.join(path, "responseStatus"));
        JsonNode annotations = JsonFields.optionalObject(event, "annotations", path);
        String requestURI = JsonFields.optionalText(event, "requestURI", path);
        String statusMessage = status == null ? null : JsonFields.scalarText(status.get("message"));

        String actor = username == null ? "unknown user" : username;
        return ObservationDraft.builder()
                .severity(AuditSeverity.of(verb, target.group(), target.resource(), target.subresource(), code,
                        annotation(annotations, AuditSeverity.DECISION_ANNOTATION)))
                .eventType("k8s_audit_" + verb)
                .resource(target.ref())
                .title(verb + " " + target.describe(requestURI) + " by " + actor)
                .description(statusMessage != null ? statusMessage : annotation(annotations, REASON_ANNOTATION))
                .detectedAt(detectedAt(event, path))
                .detail("auditID", JsonFields.requireText(event, "auditID", path))
                .detail("stage", JsonFields.requireText(event, "stage", path))
                .detail("verb", verb)
                .detail("user", username)
                .detail("groups", user == null ? null : user.get("groups"))
                .detail("impersonatedUser", impersonated == null ? null : impersonated.get("username"))
                .detail("sourceIPs", event.get("sourceIPs"))
                .detail("userAgent", JsonFields.optionalText(event, "userAgent", path))
                .detail("requestURI", requestURI)
                .detail("subresource", target.subresource())
                .detail("responseCode", code)
                .detail("annotations", annotations)
                .raw(withoutObjects(event))
                .build();
    }

    private static Integer code(JsonNode status, String path) throws InvalidPayloadException {
        JsonNode code = status == null ? null : status.get("code");
        if (code == null || code.isNull()) {
            return null;
        }
        if (!code.isInt()) {
            throw new InvalidPayloadException(JsonFields.join(path, "code"), "must be an HTTP status code");
        }
        return code.intValue();
    }

    private static Instant detectedAt(JsonNode event, String path) throws InvalidPayloadException {
        Instant received = Timestamps.parse(JsonFields.optionalText(event, "requestReceivedTimestamp", path));
        return received != null ? received : Timestamps.parse(JsonFields.optionalText(event, "stageTimestamp", path));
    }

    private static String annotation(JsonNode annotations, String key) {
        return annotations == null ? null : JsonFields.scalarText(annotations.get(key));
    }

    /**
     * A create's {@code objectRef} has no name: the name is in the body. The response object names what was
     * created, a generated name included; the request object names what was asked for, which is all there is
     * when the create failed or was audited at the Request level. At the Metadata level neither is there.
     */
    private static String createdName(JsonNode event) {
        String created = metadataName(event.get("responseObject"));
        return created != null ? created : metadataName(event.get("requestObject"));
    }

    private static String metadataName(JsonNode object) {
        String name = object == null ? null : JsonFields.scalarText(object.path("metadata").get("name"));
        return name == null || name.isBlank() ? null : name;
    }

    /** Shallow: the payload's tree is not changed afterwards, so the copy may share every other field's value. */
    private static JsonNode withoutObjects(JsonNode event) {
        if (!event.has("requestObject") && !event.has("responseObject")) {
            return event;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        event.fields().forEachRemaining(field -> copy.set(field.getKey(), field.getValue()));
        copy.remove(List.of("requestObject", "responseObject"));
        return copy;
    }

    /** The audited object, from {@code objectRef}; absent for non-resource requests such as /healthz. */
    private record Target(String group, String version, String resource, String subresource, String name,
                          String namespace) {

        static Target of(JsonNode ref, String path) throws InvalidPayloadException {
            if (ref == null) {
                return new Target(null, null, null, null, null, null);
            }
            return new Target(JsonFields.optionalText(ref, "apiGroup", path),
                    JsonFields.optionalText(ref, "apiVersion", path), JsonFields.optionalText(ref, "resource", path),
                    blankToNull(JsonFields.optionalText(ref, "subresource", path)),
                    JsonFields.optionalText(ref, "name", path), JsonFields.optionalText(ref, "namespace", path));
        }

        Target named(String objectName) {
            return new Target(group, version, resource, subresource, objectName, namespace);
        }

        ResourceRef ref() {
            String apiVersion = group == null || group.isEmpty() ? version
                    : version == null ? group : group + "/" + version;
            return new ResourceRef(apiVersion, ResourceKinds.kindOf(resource), name, namespace);
        }

        /** For titles: {@code secrets prod/db}, {@code pods/exec prod/web-0}, or the URI of a non-resource request. */
        String describe(String requestURI) {
            if (resource == null) {
                return requestURI == null ? "request" : requestURI;
            }
            String what = subresource == null ? resource : resource + "/" + subresource;
            String object = name == null ? namespace : namespace == null ? name : namespace + "/" + name;
            return object == null ? what : what + " " + object;
        }

        private static String blankToNull(String value) {
            return value == null || value.isEmpty() ? null : value;
        }
    }
}
