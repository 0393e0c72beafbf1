package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Where a source's Observations are created.
 *
 * @param namespace         used when the affected resource has no namespace or its namespace is not allowed
 * @param allowedNamespaces namespaces an Observation may be placed in next to the affected resource;
 *                          {@code ["*"]} allows all
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DestinationSpec(String namespace, List<String> allowedNamespaces) {

    public static final String ALL_NAMESPACES = "*";
}
