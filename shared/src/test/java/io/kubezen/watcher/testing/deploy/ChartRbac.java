package io.kubezen.watcher.testing.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * What the chart's Roles, ClusterRoles and bindings grant one ServiceAccount, flattened into {@link Grant}s: a
 * ClusterRoleBinding grants its ClusterRole's rules everywhere, a RoleBinding grants its Role's (or
 * ClusterRole's) rules in the binding's namespace.
 */
final class ChartRbac {

    private ChartRbac() {
    }

    static Set<Grant> grantsOf(List<Manifest> manifests, String namespace, String serviceAccount) {
        Set<Grant> grants = new TreeSet<>();
        for (Manifest binding : manifests) {
            boolean cluster = binding.kind().equals("ClusterRoleBinding");
            if (!(cluster || binding.kind().equals("RoleBinding")) || !binds(binding.object(), namespace, serviceAccount)) {
                continue;
            }
            String scope = cluster ? Grant.CLUSTER : binding.object().at("/metadata/namespace").asText(namespace);
            JsonNode roleRef = binding.object().path("roleRef");
            role(manifests, roleRef.path("kind").asText(), roleRef.path("name").asText(), scope)
                    .ifPresent(role -> role.path("rules").forEach(rule -> flatten(rule, scope, grants)));
        }
        return grants;
    }

    private static boolean binds(JsonNode binding, String namespace, String serviceAccount) {
        for (JsonNode subject : binding.path("subjects")) {
            if (subject.path("kind").asText().equals("ServiceAccount") && subject.path("name").asText().equals(serviceAccount)
                    && subject.path("namespace").asText().equals(namespace)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<JsonNode> role(List<Manifest> manifests, String kind, String name, String scope) {
        return manifests.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name))
                .filter(m -> kind.equals("ClusterRole") || m.object().at("/metadata/namespace").asText(scope).equals(scope))
                .map(Manifest::object).findFirst();
    }

    private static void flatten(JsonNode rule, String scope, Set<Grant> grants) {
        List<String> names = texts(rule.path("resourceNames"));
        for (String group : texts(rule.path("apiGroups"))) {
            for (String resource : texts(rule.path("resources"))) {
                for (String verb : texts(rule.path("verbs"))) {
                    for (String name : names.isEmpty() ? List.of("") : names) {
                        grants.add(new Grant(scope, group, resource, verb, name));
                    }
                }
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
