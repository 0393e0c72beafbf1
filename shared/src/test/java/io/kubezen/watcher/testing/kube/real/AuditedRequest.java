package io.kubezen.watcher.testing.kube.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The requests of {@code user} in an audit log of JSON lines, each once (the last stage recorded), oldest first. */
    static List<AuditedRequest> read(Path log, String user) {
        Map<String, AuditedRequest> requests = new LinkedHashMap<>();
        try {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    JsonNode event = JSON.readTree(line);
                    if (user.equals(event.at("/user/username").asText())) {
                        requests.put(event.path("auditID").asText(), of(event));
                    }
                }
            }
            return List.copyOf(requests.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AuditedRequest of(JsonNode event) {
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
