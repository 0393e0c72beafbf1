package io.kubezen.watcher.ingester.wiring;

import io.kubezen.watcher.install.Install;
import io.kubezen.watcher.metrics.MetricNames;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The install this process belongs to: its writers label and place Observations by it, every metric carries it. */
@Factory
class InstallFactory {

    @Singleton
    Install install(InstallProperties properties) {
        return properties.toInstall();
    }

    @Singleton
    MeterFilter installTag(Install install) {
        return MeterFilter.commonTags(Tags.of(MetricNames.TAG_INSTALL, install.name()));
    }
}
