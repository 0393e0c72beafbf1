package io.kubezen.watcher.ingester.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code zen-watcher.projection.*} on the ingester, used when Redis is configured.
 *
 * @param refreshInterval how often the projected configuration is re-read besides change notices, which
 *                        bounds how long a lost notice delays a change
 */
@ConfigurationProperties(ProjectionProperties.PREFIX)
public record ProjectionProperties(@NotNull @Bindable(defaultValue = "30s") Duration refreshInterval) {

    public static final String PREFIX = "zen-watcher.projection";

    public ProjectionProperties {
        if (refreshInterval != null && (refreshInterval.isNegative() || refreshInterval.isZero())) {
            throw new IllegalArgumentException(PREFIX + ".refresh-interval must be positive, was " + refreshInterval);
        }
    }
}
