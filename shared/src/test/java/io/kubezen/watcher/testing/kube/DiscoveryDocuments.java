package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * The discovery documents ({@code /api}, {@code /api/v1}, {@code /apis}, {@code /apis/{group}[/{version}]}) and
 * {@code /version}, with exactly the fields client-java's strict models accept, so {@code Discovery} and
 * micronaut-kubernetes' resolvers can find the served resources.
 */
final class DiscoveryDocuments {

    private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list",
            "patch", "update", "watch");

    private final ResourceRegistry registry;
    private final String serverAddress;

    DiscoveryDocuments(ResourceRegistry registry, String serverAddress) {
        this.registry = registry;
        this.serverAddress = serverAddress;
    }

    /** The document at {@code path}, or null when the path is not a discovery path. */
    JsonNode find(String path) {
        String trimmed = path.replaceAll("/+$", "");
        String[] s = trimmed.split("/");
        if ("/version".equals(trimmed)) {
            return version();
        }
        if (s.length == 2 && "api".equals(s[1])) {
            ObjectNode versions = Json.object().put("kind", "APIVersions");
            versions.putArray("versions").add("v1");
            versions.putArray("serverAddressByClientCIDRs").addObject()
                    .put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress);
            return versions;
        }
        if (s.length == 3 && "api".equals(s[1]) && "v1".equals(s[2])) {
            return resourceList("", "v1");
        }
        if (s.length == 2 && "apis".equals(s[1])) {
            ObjectNode list = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
            ArrayNode groups = list.putArray("groups");
            registry.groups().forEach((group, versions) -> groups.add(group(group, versions)));
            return list;
        }
        Map<String, List<String>> groups = registry.groups();
        if (s.length == 3 && "apis".equals(s[1]) && groups.containsKey(s[2])) {
            return group(s[2], groups.get(s[2])).put("kind", "APIGroup").put("apiVersion", "v1");
        }
        if (s.length == 4 && "apis".equals(s[1]) && groups.getOrDefault(s[2], List.of()).contains(s[3])) {
            return resourceList(s[2], s[3]);
        }
        return null;
    }

    private static ObjectNode group(String name, List<String> versions) {
        ObjectNode group = Json.object().put("name", name);
        ArrayNode list = group.putArray("versions");
        versions.forEach(v -> list.addObject().put("groupVersion", name + "/" + v).put("version", v));
        group.putObject("preferredVersion").put("groupVersion", name + "/" + versions.get(0))
                .put("version", versions.get(0));
        return group;
    }

    private ObjectNode resourceList(String group, String version) {
        ObjectNode list = Json.object().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode resources = list.putArray("resources");
        for (ResourceType type : registry.inGroupVersion(group, version)) {
            ObjectNode resource = resources.addObject().put("name", type.plural())
                    .put("singularName", type.singular()).put("namespaced", type.namespaced())
                    .put("kind", type.kind());
            VERBS.forEach(resource.putArray("verbs")::add);
            if (!type.shortNames().isEmpty()) {
                type.shortNames().forEach(resource.putArray("shortNames")::add);
            }
            if (type.statusSubresource()) {
                ObjectNode status = resources.addObject().put("name", type.plural() + "/status")
                        .put("singularName", "").put("namespaced", type.namespaced()).put("kind", type.kind());
                List.of("get", "patch", "update").forEach(status.putArray("verbs")::add);
            }
        }
        return list;
    }

    private static ObjectNode version() {
        return Json.object().put("major", "1").put("minor", "31").put("gitVersion", "v1.31.0-zen-test")
                .put("gitCommit", "0000000000000000000000000000000000000000").put("gitTreeState", "clean")
                .put("buildDate", "2024-08-13T00:00:00Z").put("goVersion", "go1.22.5").put("compiler", "gc")
                .put("platform", "linux/amd64");
    }
}
