package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.install.Install;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.List;

/**
 * {@code zen-watcher.install.*}: which install this controller belongs to and what it owns. Every duty stays within
 * it: Ingester projection, informer sources, GC and the cleanup endpoint.
 *
 * @param name           written on every Observation as {@code zen.kube-zen.io/install}; the Helm chart sets the
 *                       release name
 * @param namespaces     the namespaces the install owns; empty: the whole cluster
 * @param adoptUnlabeled GC and cleanup also collect Observations without an install label (written before installs
 *                       had names) in the install's namespaces
 */
@ConfigurationProperties(InstallProperties.PREFIX)
public record InstallProperties(
        @Bindable(defaultValue = Install.DEFAULT_NAME) String name,
        @Nullable List<String> namespaces,
        @Bindable(defaultValue = "true") boolean adoptUnlabeled) {

    public static final String PREFIX = "zen-watcher.install";

    Install toInstall() {
        return Install.configured(PREFIX, name, namespaces);
    }
}
