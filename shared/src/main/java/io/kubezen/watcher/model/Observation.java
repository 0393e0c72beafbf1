package io.kubezen.watcher.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;
import java.util.Objects;

/**
 * A normalized event on its way to becoming an Observation resource: where it goes, how it is labelled,
 * and its spec. The resource name is chosen by the writer, because it depends on the dedup record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Observation(String namespace, Map<String, String> labels, ObservationSpec spec) {

    public static final String API_GROUP = "zen.kube-zen.io";
    public static final String API_VERSION = "v1alpha1";
    public static final String KIND = "Observation";
    public static final String PLURAL = "observations";

    public Observation {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(spec, "spec");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
