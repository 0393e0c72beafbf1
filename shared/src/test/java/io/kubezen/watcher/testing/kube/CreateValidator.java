package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;

/**
 * The checks {@link TestApiServer} applies to a create, without a server, so that property tests can put thousands
 * of generated objects through them in seconds: the body's decoding, type meta, pruning, the metadata rules, the
 * CRD's schema, and the size etcd stores. Existence checks (namespace, conflicts) are left out: they depend on the
 * server's state, not on the object.
 */
public final class CreateValidator {

    /** etcd's default {@code --max-request-bytes}; a larger object fails with "etcdserver: request is too large". */
    public static final int MAX_OBJECT_BYTES = 1536 * 1024;

    private final List<ResourceType> types;

    private CreateValidator(List<ResourceType> types) {
        this.types = types;
    }

    /** Validates against the CRDs in the repository's {@code deploy/crds}, the ones that are shipped. */
    public static CreateValidator repositoryCrds() {
        return forCrds(RepositoryCrds.directory());
    }

    public static CreateValidator forCrds(Path directory) {
        return new CreateValidator(CrdLoader.fromDirectory(directory));
    }

    /**
     * Why the server would refuse {@code body} as a create in {@code namespace}, in its own words.
     *
     * @param body the request body, as the client serializes it
     * @return empty when the create would be accepted
     */
    public List<String> problems(String namespace, byte[] body) {
        try {
            ObjectNode object = Json.parseObject(body);
            ResourceType type = typeOf(object);
            Admission.admit(type, object);
            ObjectNode metadata = Json.metadata(object);
            String declared = Json.text(metadata, "namespace");
            if (!declared.isEmpty() && !declared.equals(namespace)) {
                throw ApiError.badRequest("the namespace of the provided object does not match the namespace sent on "
                        + "the request");
            }
            metadata.put("namespace", namespace);
            Admission.validate(type, object);
            int size = Json.bytes(object).length;
            return size > MAX_OBJECT_BYTES
                    ? List.of("etcdserver: request is too large (" + size + " bytes, at most " + MAX_OBJECT_BYTES + ")")
                    : List.of();
        } catch (ApiError e) {
            return List.of(e.code() + " " + e.getMessage());
        }
    }

    private ResourceType typeOf(ObjectNode object) {
        String apiVersion = Json.text(object, "apiVersion");
        String kind = Json.text(object, "kind");
        return types.stream().filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind)).findFirst()
                .orElseThrow(() -> ApiError.badRequest("no CRD serves " + kind + " in " + apiVersion));
    }
}
