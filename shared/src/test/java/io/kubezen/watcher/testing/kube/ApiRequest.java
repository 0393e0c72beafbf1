package io.kubezen.watcher.testing.kube;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource request decoded from its path, the way the API server routes:
 * {@code /api/v1[/namespaces/{ns}]/{plural}[/{name}[/{subresource}]]} for the core group and
 * {@code /apis/{group}/{version}[/namespaces/{ns}]/{plural}[/{name}[/{subresource}]]} for the others.
 *
 * @param namespace null for cluster-scoped resources and for lists across all namespaces
 * @param name      null for collection requests
 */
record ApiRequest(ResourceType type, String namespace, String name, String subresource, Map<String, String> query) {

    static ApiRequest parse(String path, String rawQuery, ResourceRegistry registry) {
        List<String> segments = new ArrayList<>(Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList());
        String group;
        String version;
        if (segments.size() > 2 && "api".equals(segments.get(0))) {
            group = "";
            version = segments.get(1);
            segments = segments.subList(2, segments.size());
        } else if (segments.size() > 3 && "apis".equals(segments.get(0))) {
            group = segments.get(1);
            version = segments.get(2);
            segments = segments.subList(3, segments.size());
        } else {
            throw ApiError.notFoundPath();
        }
        Map<String, String> query = query(rawQuery);
        if (segments.size() >= 3 && "namespaces".equals(segments.get(0))) {
            Optional<ResourceType> namespaced = registry.find(group, version, segments.get(2))
                    .filter(ResourceType::namespaced);
            if (namespaced.isPresent()) {
                return of(namespaced.get(), segments.get(1), segments.subList(3, segments.size()), query);
            }
        }
        ResourceType type = registry.find(group, version, segments.get(0)).orElseThrow(ApiError::notFoundPath);
        List<String> rest = segments.subList(1, segments.size());
        if (type.namespaced() && !rest.isEmpty()) {
            throw ApiError.notFoundPath();
        }
        return of(type, null, rest, query);
    }

    boolean isStatus() {
        return "status".equals(subresource);
    }

    private static ApiRequest of(ResourceType type, String namespace, List<String> rest, Map<String, String> query) {
        if (rest.size() > 2) {
            throw ApiError.notFoundPath();
        }
        String name = rest.isEmpty() ? null : rest.get(0);
        String subresource = rest.size() == 2 ? rest.get(1) : null;
        if (subresource != null && !("status".equals(subresource) && type.statusSubresource())
                && !("log".equals(subresource) && type == ResourceRegistry.PODS)) {
            throw ApiError.notFoundPath();
        }
        return new ApiRequest(type, namespace, name, subresource, query);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }
}
