package io.kubezen.watcher.testing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.kubezen.watcher.testing.crd.DeployFiles;
import io.kubezen.watcher.testing.kube.real.AuditedRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * What each component's code asks the API server for, one {@link Grant} at a time. The chart's RBAC is held to
 * it (nothing missing, nothing extra), and each component's {@code *ServiceAccountRealApiIT} holds the requests
 * the component really makes to it (every audited request is allowed by one of these grants). Where the chart
 * leaves a choice to the operator (the install's namespaces, informer resources, logs sources, Secret names and
 * namespaces) the grants follow the values.
 */
public final class ComponentPermissions {

    /** Components by the name their ServiceAccount, Deployment and roles carry: {@code <release>-<component>}. */
    public static final String WRITER = "writer";
    public static final String CONTROLLER = "controller";
    public static final String RECEIVER = "ingester";
    public static final List<String> COMPONENTS = List.of(WRITER, CONTROLLER, RECEIVER);

    private static final String ZEN = "zen.kube-zen.io";

    private ComponentPermissions() {
    }

    public static Set<Grant> needed(String component, InstalledChart chart) {
        return switch (component) {
            case WRITER -> writer(chart);
            case CONTROLLER -> controller(chart);
            // Receivers get their configuration from Redis, never from the API server.
            case RECEIVER -> Set.of();
            default -> throw new IllegalArgumentException("no component " + component);
        };
    }

    /** The resource requests none of {@code grants} allows: what a component did beyond its declared needs. */
    public static List<AuditedRequest> unexplained(List<AuditedRequest> requests, Set<Grant> grants) {
        return requests.stream().filter(AuditedRequest::isResourceRequest)
                .filter(request -> grants.stream().noneMatch(grant -> grant.allows(request))).toList();
    }

    /** The grants some request relied on. */
    public static Set<Grant> used(List<AuditedRequest> requests, Set<Grant> grants) {
        Set<Grant> used = new TreeSet<>();
        grants.stream().filter(grant -> requests.stream().anyMatch(grant::allows)).forEach(used::add);
        return used;
    }

    /**
     * Creates Observations and keeps their status (it reads one to bring its status forward), where allowed: in the
     * allowed namespaces, else the install's, else everywhere.
     */
    private static Set<Grant> writer(InstalledChart chart) {
        List<String> allowed = texts(value(chart, "/writer/allowedNamespaces"));
        Set<Grant> grants = new TreeSet<>();
        for (String namespace : allowed.isEmpty() ? owned(chart) : allowed) {
            grants.add(Grant.namespaced(namespace, ZEN, "observations", "create"));
            grants.add(Grant.namespaced(namespace, ZEN, "observations", "get"));
            grants.add(Grant.namespaced(namespace, ZEN, "observations/status", "patch"));
        }
        return grants;
    }

    private static Set<Grant> controller(InstalledChart chart) {
        Set<Grant> grants = new TreeSet<>();
        boolean logsSources = value(chart, "/controller/logsSources/enabled").asBoolean(false);
        for (String namespace : owned(chart)) {
            // Informers on Ingesters (list, then watch) and their status; GC and cleanup list and delete Observations.
            grants.add(Grant.namespaced(namespace, ZEN, "ingesters", "list"));
            grants.add(Grant.namespaced(namespace, ZEN, "ingesters", "watch"));
            grants.add(Grant.namespaced(namespace, ZEN, "ingesters/status", "patch"));
            grants.add(Grant.namespaced(namespace, ZEN, "observations", "list"));
            grants.add(Grant.namespaced(namespace, ZEN, "observations", "delete"));
            // Informer-type sources list and watch what the operator lets them.
            for (JsonNode rule : value(chart, "/controller/rbac/informerResources")) {
                for (String group : texts(rule.path("apiGroups"))) {
                    for (String resource : texts(rule.path("resources"))) {
                        grants.add(Grant.namespaced(namespace, group, resource, "list"));
                        grants.add(Grant.namespaced(namespace, group, resource, "watch"));
                    }
                }
            }
            // Logs-type sources, where the chart turns them on: a pod informer, then one log stream per container.
            if (logsSources) {
                grants.add(Grant.namespaced(namespace, "", "pods", "list"));
                grants.add(Grant.namespaced(namespace, "", "pods", "watch"));
                grants.add(Grant.namespaced(namespace, "", "pods/log", "get"));
            }
        }
        // Leader election: LeaseLock reads and renews its Lease, and creates it the first time.
        String lease = chart.name(CONTROLLER);
        grants.add(Grant.namespaced(chart.namespace(), "coordination.k8s.io", "leases", "get").named(lease));
        grants.add(Grant.namespaced(chart.namespace(), "coordination.k8s.io", "leases", "update").named(lease));
        grants.add(Grant.namespaced(chart.namespace(), "coordination.k8s.io", "leases", "create"));
        // Ingesters' secretRefs, read in the Ingester's namespace: the release namespace and those the values add.
        List<String> names = texts(value(chart, "/controller/rbac/secretNames"));
        List<String> namespaces = new ArrayList<>(List.of(chart.namespace()));
        namespaces.addAll(texts(value(chart, "/controller/rbac/secretNamespaces")));
        for (String namespace : namespaces) {
            Grant get = Grant.namespaced(namespace, "", "secrets", "get");
            if (names.isEmpty()) {
                grants.add(get);
            } else {
                names.forEach(name -> grants.add(get.named(name)));
            }
        }
        return grants;
    }

    /** The namespaces the install owns, or {@link Grant#CLUSTER} for an install of the whole cluster. */
    private static List<String> owned(InstalledChart chart) {
        List<String> namespaces = texts(value(chart, "/install/namespaces"));
        return namespaces.isEmpty() ? List.of(Grant.CLUSTER) : namespaces;
    }

    /** The value at {@code pointer} of the last values file that sets it. */
    private static JsonNode value(InstalledChart chart, String pointer) {
        JsonNode found = MissingNode.getInstance();
        for (Path file : chart.valuesFiles()) {
            JsonNode candidate = DeployFiles.read(file).at(pointer);
            if (!candidate.isMissingNode()) {
                found = candidate;
            }
        }
        return found;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
