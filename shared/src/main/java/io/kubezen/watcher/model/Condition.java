package io.kubezen.watcher.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** A Kubernetes-style status condition, as used by both of our resources. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
        String type,
        String status,
        Long observedGeneration,
        Instant lastTransitionTime,
        String reason,
        String message) {
}
