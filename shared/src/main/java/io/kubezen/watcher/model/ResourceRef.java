package io.kubezen.watcher.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The Kubernetes object an observation is about. Every part is optional: a node-level Falco event has no namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceRef(String apiVersion, String kind, String name, String namespace) {
}
