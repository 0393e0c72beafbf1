package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Create, update (main and status), patch and delete with the real server's preconditions and answers. */
final class ResourceWrites {

    private static final String NAME_SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final int GENERATE_NAME_ATTEMPTS = 8;

    private final ObjectStore store;
    private final ResourceRegistry registry;
    private final Clock clock;
    private final Random random = new SecureRandom();

    ResourceWrites(ObjectStore store, ResourceRegistry registry, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    ObjectNode create(ResourceType type, String namespace, ObjectNode body) {
        ObjectNode object = Admission.admit(type, body.deepCopy());
        ObjectNode metadata = Json.metadata(object);
        String ns = namespaceOf(type, namespace, metadata);
        if (!Json.text(metadata, "resourceVersion").isEmpty()) {
            throw ApiError.badRequest("resourceVersion should not be set on objects to be created");
        }
        if (ns != null && store.get(ResourceRegistry.NAMESPACES, null, ns) == null) {
            throw ApiError.notFound(ResourceRegistry.NAMESPACES, ns);
        }
        String generateName = Json.text(metadata, "generateName");
        boolean generated = Json.text(metadata, "name").isEmpty() && !generateName.isEmpty();
        for (int attempt = 1; ; attempt++) {
            if (generated) {
                metadata.put("name", generateName + randomSuffix());
            }
            ObjectNode candidate = stamp(type, object.deepCopy());
            Admission.validate(type, candidate);
            String name = Json.text(metadata, "name");
            try {
                return store.put(type, ns, name, current -> {
                    if (current != null) {
                        throw ApiError.alreadyExists(type, name);
                    }
                    return candidate;
                });
            } catch (ApiError e) {
                if (!generated || e.code() != 409 || attempt == GENERATE_NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * PUT of the main resource or its status. A missing resourceVersion is a 409 here, as the issue requires;
     * a real server answers 422 for custom resources and allows it for most built-in types.
     */
    ObjectNode update(ResourceType type, String namespace, String name, boolean status, ObjectNode body) {
        ObjectNode incoming = Admission.admit(type, body.deepCopy());
        checkIdentity(type, namespace, name, incoming);
        return store.put(type, namespace, name, current -> merge(type, name, status, true, current, incoming));
    }

    /** PATCH: applied to the stored object under the store lock, so concurrent patches never lose each other. */
    ObjectNode patch(ResourceType type, String namespace, String name, boolean status, String contentType,
                     byte[] body) {
        PatchFormat format = PatchFormat.of(contentType, type);
        JsonNode patch = Json.parse(body);
        return store.put(type, namespace, name, current -> {
            if (current == null) {
                throw ApiError.notFound(type, name);
            }
            JsonNode patched = format.apply(current, patch);
            if (!patched.isObject()) {
                throw ApiError.badRequest("the patch did not produce an object");
            }
            ObjectNode incoming = Admission.admit(type, (ObjectNode) patched);
            checkIdentity(type, namespace, name, incoming);
            return merge(type, name, status, false, current, incoming);
        });
    }

    /**
     * Answers as the real server does: custom resources with the deleted object, namespaces with the namespace in
     * phase Terminating (here it is gone at once, with everything in it), other built-in kinds with a Status.
     */
    JsonNode delete(ResourceType type, String namespace, String name, byte[] body) {
        JsonNode preconditions = body.length == 0 ? Json.object() : Json.parse(body).path("preconditions");
        ObjectNode deleted = store.remove(type, namespace, name, current -> checkPreconditions(type, name,
                preconditions, current));
        if (type == ResourceRegistry.NAMESPACES) {
            deleteContents(name);
            Json.metadata(deleted).put("deletionTimestamp", Json.timestamp(clock.instant()));
            deleted.putObject("status").put("phase", "Terminating");
            return deleted;
        }
        String uid = Json.text(deleted.path("metadata"), "uid");
        return type.custom() ? type.present(deleted) : ApiError.success(type, name, uid);
    }

    /** DELETE on a collection: answers the list of what it deleted, as the real server does. */
    ObjectNode deleteCollection(ResourceType type, String namespace, ListOptions options) {
        WatchFilter filter = options.filter(type, namespace);
        ObjectNode list = Json.object().put("apiVersion", type.apiVersion()).put("kind", type.listKind());
        ArrayNode items = list.putArray("items");
        for (ObjectNode object : store.snapshot(type, -1).objects().values()) {
            if (filter.matches(object)) {
                JsonNode metadata = object.path("metadata");
                String ns = type.namespaced() ? Json.text(metadata, "namespace") : null;
                items.add(ResourceReads.asListItem(type,
                        store.remove(type, ns, Json.text(metadata, "name"), current -> { })));
            }
        }
        list.putObject("metadata").put("resourceVersion", Long.toString(store.resourceVersion()));
        return list;
    }

    /**
     * The object an update or patch stores. The incoming resourceVersion is a precondition when given; an update
     * must give one, a patch inherits the stored one unless it sets its own.
     */
    private ObjectNode merge(ResourceType type, String name, boolean status, boolean versionRequired,
                             ObjectNode current, ObjectNode incoming) {
        if (current == null) {
            throw ApiError.notFound(type, name);
        }
        String given = Json.text(incoming.path("metadata"), "resourceVersion");
        if (given.isEmpty() && versionRequired) {
            throw ApiError.conflict(type, name, "metadata.resourceVersion must be specified for an update");
        }
        if (!given.isEmpty() && !given.equals(Json.text(current.path("metadata"), "resourceVersion"))) {
            throw ApiError.staleResourceVersion(type, name);
        }
        ObjectNode next = status ? UpdateStrategy.forStatus(current, incoming)
                : UpdateStrategy.forMain(type, current, incoming);
        Admission.validate(type, next);
        return UpdateStrategy.unchanged(current, next) ? current : next;
    }

    /** Cluster-scoped objects have no namespace; namespaced ones take the request's and must not contradict it. */
    private static String namespaceOf(ResourceType type, String namespace, ObjectNode metadata) {
        if (!type.namespaced()) {
            metadata.remove("namespace");
            return null;
        }
        String declared = Json.text(metadata, "namespace");
        if (!declared.isEmpty() && !declared.equals(namespace)) {
            throw ApiError.badRequest("the namespace of the provided object does not match the namespace sent on "
                    + "the request");
        }
        metadata.put("namespace", namespace);
        return namespace;
    }

    private static void checkIdentity(ResourceType type, String namespace, String name, ObjectNode incoming) {
        ObjectNode metadata = Json.metadata(incoming);
        String declared = Json.text(metadata, "name");
        if (!name.equals(declared)) {
            throw ApiError.badRequest("the name of the object (" + declared + ") does not match the name on the URL ("
                    + name + ")");
        }
        namespaceOf(type, namespace, metadata);
    }

    private ObjectNode stamp(ResourceType type, ObjectNode object) {
        ObjectNode metadata = Json.metadata(object);
        metadata.put("uid", UUID.randomUUID().toString());
        metadata.put("creationTimestamp", Json.timestamp(clock.instant()));
        metadata.remove(List.of("deletionTimestamp", "deletionGracePeriodSeconds", "generation"));
        if (type.custom()) {
            metadata.put("generation", 1);
            if (type.statusSubresource()) {
                object.remove("status");
            }
        }
        if (type == ResourceRegistry.NAMESPACES) {
            object.putObject("status").put("phase", "Active");
        }
        return object;
    }

    private void deleteContents(String namespace) {
        for (ResourceType type : registry.storedResources()) {
            if (type.namespaced()) {
                for (Map.Entry<String, ObjectNode> entry : store.snapshot(type, -1).objects().entrySet()) {
                    if (entry.getKey().startsWith(namespace + "/")) {
                        store.remove(type, namespace, Json.text(entry.getValue().path("metadata"), "name"), o -> { });
                    }
                }
            }
        }
    }

    private static void checkPreconditions(ResourceType type, String name, JsonNode preconditions,
                                           ObjectNode current) {
        JsonNode metadata = current.path("metadata");
        String uid = Json.text(preconditions, "uid");
        if (!uid.isEmpty() && !uid.equals(Json.text(metadata, "uid"))) {
            throw ApiError.conflict(type, name, "Precondition failed: UID in precondition: " + uid
                    + ", UID in object meta: " + Json.text(metadata, "uid"));
        }
        String version = Json.text(preconditions, "resourceVersion");
        if (!version.isEmpty() && !version.equals(Json.text(metadata, "resourceVersion"))) {
            throw ApiError.conflict(type, name, "Precondition failed: ResourceVersion in precondition: " + version
                    + ", ResourceVersion in object meta: " + Json.text(metadata, "resourceVersion"));
        }
    }

    private String randomSuffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(NAME_SUFFIX_ALPHABET.charAt(random.nextInt(NAME_SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }
}
