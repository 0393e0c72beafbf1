package io.kubezen.watcher.testing.kube.real;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request as the API server's audit log recorded it. Resource requests name what they touched; requests
 * for other paths (discovery, {@code /version}) have an empty {@code resource}.
 *
 * @param apiGroup  empty for the core group
 * @param namespace empty for cluster-scoped resources and for requests across all namespaces
 * @param name      empty for lists, watches and creates
 * @param code      the HTTP status of the answer
 */
public record AuditedRequest(String verb, String apiGroup, String resource, String subresource, String namespace,
                             String name, int code, String uri) {

    static AuditedRequest of(JsonNode event) {
        JsonNode ref = event.path("objectRef");
        return new AuditedRequest(event.path("verb").asText(), ref.path("apiGroup").asText(),
                ref.path("resource").asText(), ref.path("subresource").asText(), ref.path("namespace").asText(),
                ref.path("name").asText(), event.path("responseStatus").path("code").asInt(),
                event.path("requestURI").asText());
    }

    public boolean isResourceRequest() {
        return !resource.isEmpty();
    }

    /** {@code resource} or {@code resource/subresource}, as RBAC rules name it. */
    public String rbacResource() {
        return subresource.isEmpty() ? resource : resource + "/" + subresource;
    }

    @Override
    public String toString() {
        return verb + " " + uri + " -> " + code;
    }
}
