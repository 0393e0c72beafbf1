package io.kubezen.watcher.ingester.wiring;

import io.kubezen.watcher.install.Install;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.List;

/**
 * {@code zen-watcher.install.*}, the same keys as the controller's: the writer labels every Observation with the
 * install's name and writes only into its namespaces; metrics carry the name as a tag.
 *
 * @param name       the install's name, a DNS label; the Helm chart sets the release name
 * @param namespaces the namespaces the install owns; empty: the whole cluster
 */
@ConfigurationProperties(InstallProperties.PREFIX)
public record InstallProperties(
        @Bindable(defaultValue = Install.DEFAULT_NAME) String name,
        @Nullable List<String> namespaces) {

    public static final String PREFIX = "zen-watcher.install";

    Install toInstall() {
        return Install.configured(PREFIX, name, namespaces);
    }
}
