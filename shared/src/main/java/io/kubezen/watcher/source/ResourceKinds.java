package io.kubezen.watcher.source;

import java.util.Map;

/**
 * Kinds of the well-known resources, by plural: audit events and Falco's k8saudit fields name resources by
 * their plural, while an Observation's {@code resource.kind} is a kind. Unknown plurals stay as they are.
 */
public final class ResourceKinds {

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("pods", "Pod"),
            Map.entry("services", "Service"),
            Map.entry("secrets", "Secret"),
            Map.entry("configmaps", "ConfigMap"),
            Map.entry("namespaces", "Namespace"),
            Map.entry("nodes", "Node"),
            Map.entry("serviceaccounts", "ServiceAccount"),
            Map.entry("persistentvolumeclaims", "PersistentVolumeClaim"),
            Map.entry("persistentvolumes", "PersistentVolume"),
            Map.entry("endpoints", "Endpoints"),
            Map.entry("events", "Event"),
            Map.entry("deployments", "Deployment"),
            Map.entry("replicasets", "ReplicaSet"),
            Map.entry("statefulsets", "StatefulSet"),
            Map.entry("daemonsets", "DaemonSet"),
            Map.entry("jobs", "Job"),
            Map.entry("cronjobs", "CronJob"),
            Map.entry("roles", "Role"),
            Map.entry("rolebindings", "RoleBinding"),
            Map.entry("clusterroles", "ClusterRole"),
            Map.entry("clusterrolebindings", "ClusterRoleBinding"),
            Map.entry("ingresses", "Ingress"),
            Map.entry("networkpolicies", "NetworkPolicy"),
            Map.entry("customresourcedefinitions", "CustomResourceDefinition"),
            Map.entry("mutatingwebhookconfigurations", "MutatingWebhookConfiguration"),
            Map.entry("validatingwebhookconfigurations", "ValidatingWebhookConfiguration"),
            Map.entry("horizontalpodautoscalers", "HorizontalPodAutoscaler"),
            Map.entry("poddisruptionbudgets", "PodDisruptionBudget"),
            Map.entry("leases", "Lease"),
            Map.entry("certificatesigningrequests", "CertificateSigningRequest"),
            Map.entry("storageclasses", "StorageClass"),
            Map.entry("priorityclasses", "PriorityClass"),
            Map.entry("tokenreviews", "TokenReview"),
            Map.entry("subjectaccessreviews", "SubjectAccessReview"),
            Map.entry("selfsubjectaccessreviews", "SelfSubjectAccessReview"));

    private ResourceKinds() {
    }

    /** The kind for a plural, or the plural itself when we do not know it (a custom resource, say). */
    public static String kindOf(String plural) {
        return plural == null ? null : KINDS.getOrDefault(plural, plural);
    }
}
