package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a webhook-style source is received at {@code POST /ingest/{source}}. An Ingester of a webhook type
 * without this block behaves like the built-in source: no authentication and default limits.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookSpec(AuthSpec auth, LimitsSpec limits) {
}
