package io.kubezen.watcher.install;

import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.InvalidSourceException;
import io.kubezen.watcher.normalize.KubernetesNames;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One install of zen-watcher in a cluster: its name, written on every Observation it creates
 * ({@link io.kubezen.watcher.model.ObservationLabels#INSTALL}), and the namespaces it owns. Several installs share a cluster by owning
 * their own namespaces; each one reads, writes and collects only there, and only its own Observations.
 *
 * @param name       a DNS label, so it is a valid label value and fits in Lease and metric names
 * @param namespaces the namespaces this install owns, in the order configured, trimmed, blanks dropped; empty: the
 *                   whole cluster
 */
public record Install(String name, List<String> namespaces) {

    public static final String DEFAULT_NAME = "zen-watcher";
    public static final Install DEFAULT = new Install(DEFAULT_NAME, List.of());

    /** @throws IllegalArgumentException saying which part is wrong, for the caller to name its key */
    public Install {
        if (!KubernetesNames.isDnsLabel(name)) {
            throw new IllegalArgumentException("name '" + name + "' must be a DNS label: lower-case letters, digits"
                    + " and '-', at most 63 characters");
        }
        Objects.requireNonNull(namespaces, "namespaces");
        Set<String> owned = new LinkedHashSet<>();
        for (String entry : namespaces) {
            String namespace = entry.trim();
            if (namespace.isEmpty()) {
                continue;
            }
            if (!KubernetesNames.isDnsLabel(namespace)) {
                throw new IllegalArgumentException("namespaces: '" + namespace + "' is not a namespace name");
            }
            owned.add(namespace);
        }
        namespaces = List.copyOf(owned);
    }

    /**
     * The install as an app's {@code prefix.name} and {@code prefix.namespaces} keys give it; no namespaces listed
     * means the whole cluster.
     *
     * @throws IllegalArgumentException naming {@code prefix} and the part that is wrong
     */
    public static Install configured(String prefix, String name, List<String> namespaces) {
        try {
            return new Install(name, namespaces == null ? List.of() : namespaces);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid configuration under " + prefix + ": " + e.getMessage(), e);
        }
    }

    public boolean ownsWholeCluster() {
        return namespaces.isEmpty();
    }

    /** False for null, which stands for no namespace (a cluster-scoped resource), unless the whole cluster is owned. */
    public boolean owns(String namespace) {
        return ownsWholeCluster() || namespace != null && namespaces.contains(namespace);
    }

    /**
     * The namespaces of {@code wanted} this install owns, with empty {@code wanted} meaning every namespace.
     * Empty when it owns none of them; a list of namespaces, or an empty list for "every namespace", otherwise.
     */
    public Optional<List<String>> within(List<String> wanted) {
        if (wanted.isEmpty()) {
            return Optional.of(namespaces);
        }
        if (ownsWholeCluster()) {
            return Optional.of(List.copyOf(new LinkedHashSet<>(wanted)));
        }
        Set<String> kept = new LinkedHashSet<>(wanted);
        kept.retainAll(namespaces);
        return kept.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(kept));
    }

    /**
     * The namespaces a controller-run source may watch: those of {@code wanted} (its {@code field}, null or empty
     * for every namespace) this install owns, or an empty list for every namespace. Never wider than the install: a
     * source none of whose namespaces is owned is refused rather than widened to all of them.
     */
    public List<String> scope(String source, String field, List<String> wanted) throws InvalidSourceException {
        List<String> asked = wanted == null ? List.of() : wanted;
        Optional<List<String>> owned = within(asked);
        if (owned.isEmpty()) {
            throw new InvalidSourceException(source, List.of(new ConfigError(field, "none of " + asked
                    + " is among the namespaces of install " + name + ", " + namespaces)));
        }
        return owned.get();
    }
}
