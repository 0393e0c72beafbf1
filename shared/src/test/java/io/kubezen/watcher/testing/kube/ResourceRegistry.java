package io.kubezen.watcher.testing.kube;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every resource the server serves: the built-in ones the project touches plus the loaded CRDs. Immutable. */
final class ResourceRegistry {

    static final ResourceType NAMESPACES = builtin("", "namespaces", "Namespace", false, true, List.of("ns"),
            Set.of("status.phase"));
    static final ResourceType CONFIG_MAPS = builtin("", "configmaps", "ConfigMap", true, false, List.of("cm"),
            Set.of());
    static final ResourceType SECRETS = builtin("", "secrets", "Secret", true, false, List.of(), Set.of("type"));
    static final ResourceType EVENTS = builtin("", "events", "Event", true, false, List.of("ev"), Set.of(
            "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
            "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
            "reason", "reportingComponent", "type"));
    /** Pods with a status subresource and their {@code log} subresource ({@link PodLogs}). */
    static final ResourceType PODS = builtin("", "pods", "Pod", true, true, List.of("po"), Set.of("spec.nodeName",
            "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.phase", "status.podIP",
            "status.nominatedNodeName"));
    static final ResourceType LEASES = builtin("coordination.k8s.io", "leases", "Lease", true, false, List.of(),
            Set.of());

    private static final Pattern KUBE_VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

    private final Map<String, ResourceType> byPath = new LinkedHashMap<>();

    ResourceRegistry(List<ResourceType> customTypes) {
        for (ResourceType type : List.of(NAMESPACES, CONFIG_MAPS, SECRETS, EVENTS, PODS, LEASES)) {
            add(type);
        }
        customTypes.forEach(this::add);
    }

    Optional<ResourceType> find(String group, String version, String plural) {
        return Optional.ofNullable(byPath.get(group + "/" + version + "/" + plural));
    }

    List<ResourceType> inGroupVersion(String group, String version) {
        return byPath.values().stream()
                .filter(t -> t.group().equals(group) && t.version().equals(version))
                .toList();
    }

    /** One type per stored resource: the versions of a resource share storage. */
    List<ResourceType> storedResources() {
        Map<String, ResourceType> byResource = new LinkedHashMap<>();
        byPath.values().forEach(t -> byResource.putIfAbsent(t.groupResource(), t));
        return List.copyOf(byResource.values());
    }

    /** Named groups (not the core group) with their versions, most preferred first, as discovery lists them. */
    Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new TreeMap<>();
        for (ResourceType type : byPath.values()) {
            if (!type.group().isEmpty()) {
                List<String> versions = groups.computeIfAbsent(type.group(), g -> new ArrayList<>());
                if (!versions.contains(type.version())) {
                    versions.add(type.version());
                }
            }
        }
        groups.values().forEach(versions -> versions.sort(ResourceRegistry::byPriority));
        return groups;
    }

    private void add(ResourceType type) {
        String key = type.group() + "/" + type.version() + "/" + type.plural();
        if (byPath.putIfAbsent(key, type) != null) {
            throw new IllegalArgumentException("resource " + key + " is defined twice");
        }
    }

    /** Kubernetes version priority: GA before beta before alpha, higher numbers first. */
    static int byPriority(String a, String b) {
        return Comparator.comparing(ResourceRegistry::priority).reversed().thenComparing(Comparator.naturalOrder())
                .compare(a, b);
    }

    private static long priority(String version) {
        Matcher m = KUBE_VERSION.matcher(version);
        if (!m.matches()) {
            return 0;
        }
        long major = Long.parseLong(m.group(1));
        long stability = m.group(2) == null ? 3 : "beta".equals(m.group(2)) ? 2 : 1;
        long minor = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return stability * 1_000_000_000L + major * 1_000L + minor;
    }

    private static ResourceType builtin(String group, String plural, String kind, boolean namespaced,
                                        boolean status, List<String> shortNames, Set<String> extraFieldLabels) {
        Set<String> labels = new HashSet<>(ResourceType.META_FIELD_LABELS);
        labels.addAll(extraFieldLabels);
        return new ResourceType(group, "v1", plural, kind.toLowerCase(Locale.ROOT), kind, namespaced,
                status, false, shortNames, labels, null);
    }
}
