package io.kubezen.watcher.ingester.writer;

import io.kubezen.watcher.ingester.wiring.WriterProperties;
import io.kubezen.watcher.install.Install;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the writer may create, checked before every write: a resource type from the allowlist (Observations
 * by default), in a namespace of the install and an allowed one (any, by default). Resource types are in the
 * version-independent {@code plural.group} form kubectl and RBAC use ({@code observations.zen.kube-zen.io}, or
 * {@code configmaps} for the core group).
 *
 * <p>{@link #NEVER_WRITABLE} holds types that grant identity or permissions, change admission or the API
 * surface, or run code. A writer that could create them would turn a forged webhook into a cluster
 * takeover, so they are refused even when configured; configuring one fails at start-up.
 */
public final class WriteRails {

    public static final String ALLOWED_RESOURCES_KEY = WriterProperties.PREFIX + ".allowed-resources";
    public static final List<String> DEFAULT_ALLOWED_RESOURCES = List.of(DestinationResource.OBSERVATIONS.groupResource());

    public static final Set<String> NEVER_WRITABLE = Set.of(
            // identity and credentials
            "secrets", "serviceaccounts", "configmaps", "certificatesigningrequests.certificates.k8s.io",
            "tokenreviews.authentication.k8s.io",
            // authorization
            "roles.rbac.authorization.k8s.io", "rolebindings.rbac.authorization.k8s.io",
            "clusterroles.rbac.authorization.k8s.io", "clusterrolebindings.rbac.authorization.k8s.io",
            // admission and the API surface
            "mutatingwebhookconfigurations.admissionregistration.k8s.io",
            "validatingwebhookconfigurations.admissionregistration.k8s.io",
            "validatingadmissionpolicies.admissionregistration.k8s.io",
            "validatingadmissionpolicybindings.admissionregistration.k8s.io",
            "mutatingadmissionpolicies.admissionregistration.k8s.io",
            "mutatingadmissionpolicybindings.admissionregistration.k8s.io",
            "customresourcedefinitions.apiextensions.k8s.io", "apiservices.apiregistration.k8s.io",
            // running code
            "pods", "replicationcontrollers", "deployments.apps", "daemonsets.apps", "statefulsets.apps",
            "replicasets.apps", "jobs.batch", "cronjobs.batch");

    private static final Pattern GROUP_RESOURCE = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

    private final Set<String> allowedResources;
    private final Set<String> allowedNamespaces;
    private final Install install;

    /**
     * @param allowedResources  {@code plural.group} entries; must not name a {@link #NEVER_WRITABLE} type
     * @param allowedNamespaces namespaces writes may go to; empty allows every namespace
     * @throws IllegalArgumentException naming {@link #ALLOWED_RESOURCES_KEY} when an entry is malformed or denied
     */
    public WriteRails(List<String> allowedResources, List<String> allowedNamespaces) {
        this(allowedResources, allowedNamespaces, Install.DEFAULT);
    }

    /**
     * @param install writes go only to namespaces it owns, whatever {@code allowedNamespaces} says: an Observation
     *                elsewhere could not be collected by its GC, and would be another install's business
     */
    public WriteRails(List<String> allowedResources, List<String> allowedNamespaces, Install install) {
        this.install = install;
        this.allowedResources = new LinkedHashSet<>();
        for (String entry : allowedResources) {
            String resource = entry.trim();
            if (!GROUP_RESOURCE.matcher(resource).matches()) {
                throw new IllegalArgumentException(ALLOWED_RESOURCES_KEY + ": '" + entry
                        + "' is not a resource in plural.group form, such as observations.zen.kube-zen.io");
            }
            if (NEVER_WRITABLE.contains(resource)) {
                throw new IllegalArgumentException(ALLOWED_RESOURCES_KEY + ": '" + resource
                        + "' can never be written by zen-watcher: it grants identity or permissions, changes"
                        + " admission or the API, or runs code. Remove it from the list.");
            }
            this.allowedResources.add(resource);
        }
        this.allowedNamespaces = Set.copyOf(allowedNamespaces);
    }

    public static WriteRails defaults() {
        return new WriteRails(DEFAULT_ALLOWED_RESOURCES, List.of());
    }

    /** The rails' verdict: empty when the write may happen, else a permanent {@link FailureReason#DENIED}. */
    public Optional<WriteResult> refuse(ObservationWrite write) {
        return refuse(write.name(), write.namespace(), write.destination());
    }

    /** The same verdict for a status update, which touches the same resource. */
    public Optional<WriteResult> refuse(StatusWrite write) {
        return refuse(write.name(), write.namespace(), write.destination());
    }

    private Optional<WriteResult> refuse(String name, String namespace, DestinationResource destination) {
        return denial(namespace, destination)
                .map(why -> WriteResult.permanent(name, FailureReason.DENIED, why, List.of()));
    }

    private Optional<String> denial(String namespace, DestinationResource destination) {
        String resource = destination.groupResource();
        if (NEVER_WRITABLE.contains(resource) || !allowedResources.contains(resource)) {
            return Optional.of("writing " + resource + " is not allowed; allowed: " + allowedResources);
        }
        if (!install.owns(namespace)) {
            return Optional.of("namespace " + namespace + " is not one of install " + install.name()
                    + "'s namespaces " + install.namespaces() + " (zen-watcher.install.namespaces)");
        }
        if (!allowedNamespaces.isEmpty() && !allowedNamespaces.contains(namespace)) {
            return Optional.of("namespace " + namespace + " is not allowed; allowed: "
                    + allowedNamespaces.stream().sorted().toList());
        }
        return Optional.empty();
    }
}
