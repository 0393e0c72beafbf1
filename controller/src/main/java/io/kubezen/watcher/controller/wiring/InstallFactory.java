package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.controller.gc.CollectionScope;
import io.kubezen.watcher.install.Install;
import io.kubezen.watcher.metrics.MetricNames;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.util.Map;

/** The install this controller belongs to, which every duty is scoped to and every metric is tagged with. */
@Factory
final class InstallFactory {

    /** The namespace setting of earlier versions, which scoped only the Ingester projection. */
    static final String FORMER_KEY = "zen-watcher.watch-namespaces";
    static final String FORMER_ENV = "WATCH_NAMESPACE";

    @Singleton
    Install install(InstallProperties properties, Environment environment) {
        refuseFormerSetting(environment.containsProperty(FORMER_KEY), System.getenv());
        return properties.toInstall();
    }

    @Singleton
    MeterFilter installTag(Install install) {
        return MeterFilter.commonTags(Tags.of(MetricNames.TAG_INSTALL, install.name()));
    }

    @Singleton
    CollectionScope collectionScope(Install install, InstallProperties properties) {
        return new CollectionScope(install, properties.adoptUnlabeled());
    }

    /**
     * Ignoring the former setting would widen a namespaced install to the whole cluster on upgrade, so it stops the
     * start instead, naming the key that replaces it.
     */
    static void refuseFormerSetting(boolean formerKeySet, Map<String, String> env) {
        if (formerKeySet || env.containsKey(FORMER_ENV)) {
            throw new ConfigurationException(FORMER_KEY + " and " + FORMER_ENV + " are replaced by "
                    + InstallProperties.PREFIX + ".namespaces (ZEN_WATCHER_INSTALL_NAMESPACES), which scopes every duty"
                    + " of the install; move the namespace list there");
        }
    }
}
