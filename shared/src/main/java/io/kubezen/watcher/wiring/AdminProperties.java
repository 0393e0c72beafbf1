package io.kubezen.watcher.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code zen-watcher.admin.*}.
 *
 * @param token the bearer token of the admin API (env {@code ZEN_WATCHER_ADMIN_TOKEN}); unset: the admin API
 *              refuses every request with 403
 */
@ConfigurationProperties("zen-watcher.admin")
public record AdminProperties(@Nullable String token) {
}
