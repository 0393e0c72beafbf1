package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.controller.projection.ProjectionOptions;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code zen-watcher.projection.*}: the leader's projection of Ingesters into Redis.
 *
 * @param enabled        false: Ingesters are neither projected nor given a status
 * @param resync         0s: no periodic re-sync, only changes are seen
 * @param hmacSecretsDir where the ingesters mount each Secret named by an HMAC Ingester, as
 *                       {@code <dir>/<secret-name>/<key>}; HMAC keys are never copied into Redis
 * @param bcryptCost     work factor of the bcrypt hash projected for a basic-auth password
 * @param lastEventInterval how often the leader writes each Ingester's {@code status.lastEventAt}, when it moved
 */
@ConfigurationProperties(ProjectionProperties.PREFIX)
public record ProjectionProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "0s") Duration resync,
        @Bindable(defaultValue = "/etc/zen-watcher/hmac") String hmacSecretsDir,
        @Bindable(defaultValue = "10") int bcryptCost,
        @Bindable(defaultValue = "30s") Duration lastEventInterval) {

    public static final String PREFIX = "zen-watcher.projection";

    /** @param namespaces the install's ({@code zen-watcher.install.namespaces}): only their Ingesters are projected */
    ProjectionOptions toOptions(List<String> namespaces) {
        try {
            return new ProjectionOptions(namespaces, resync, Path.of(hmacSecretsDir), bcryptCost, lastEventInterval);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid configuration under " + PREFIX + ": " + e.getMessage(), e);
        }
    }
}
