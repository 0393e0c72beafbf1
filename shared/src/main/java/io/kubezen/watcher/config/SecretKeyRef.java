package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One key of a Secret in the Ingester's own namespace. Only the controller reads the Secret; ingesters get
 * what they need through the projected configuration, so they need no Kubernetes read access.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretKeyRef(String name, String key) {
}
