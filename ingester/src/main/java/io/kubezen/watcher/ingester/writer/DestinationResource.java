package io.kubezen.watcher.ingester.writer;

import io.kubezen.watcher.model.Observation;

import java.util.Objects;

/**
 * A resource type a sink may create: enough to build the request path ({@code group}, {@code version},
 * {@code plural}) and the body ({@code kind}). The core group is the empty string.
 */
public record DestinationResource(String group, String version, String kind, String plural) {

    public static final DestinationResource OBSERVATIONS = new DestinationResource(
            Observation.API_GROUP, Observation.API_VERSION, Observation.KIND, Observation.PLURAL);

    public DestinationResource {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plural, "plural");
    }

    /** The {@code apiVersion} of the body: {@code group/version}, or just the version for the core group. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The version-independent form kubectl and RBAC use, {@code plural.group}, as in {@link WriteRails}. */
    public String groupResource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }
}
