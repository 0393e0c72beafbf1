package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.controller.informer.SourceRegistries;
import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.controller.informer.InformerSourceRegistry;
import io.kubezen.watcher.controller.projection.InformerIngesters;
import io.kubezen.watcher.controller.projection.ProjectionDuty;
import io.kubezen.watcher.controller.projection.ProjectionOptions;
import io.kubezen.watcher.install.Install;
import io.kubezen.watcher.controller.projection.kubernetes.IngesterInformers;
import io.kubezen.watcher.controller.projection.kubernetes.KubernetesSecretReader;
import io.kubezen.watcher.controller.projection.kubernetes.KubernetesStatusWriter;
import io.kubezen.watcher.dedup.TrafficCounter;
import io.kubezen.watcher.pipeline.PipelineOptions;
import io.kubezen.watcher.pipeline.SourceCompiler;
import io.kubezen.watcher.projection.redis.RedisConfigProjection;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.source.SourceAdapterRegistry;
import io.kubezen.watcher.wiring.RedisProperties;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * The Ingester projection as a leader duty, when there is a Redis to project into; it watches the Ingesters of the
 * install's namespaces only. The compiler validates
 * only; its pipeline options do not matter here, the ingesters compile with their own.
 */
@Factory
final class ProjectionFactory {

    @Singleton
    @Requires(property = RedisProperties.URI)
    @Requires(property = ProjectionProperties.PREFIX + ".enabled", notEquals = "false")
    ProjectionDuty projectionDuty(ProjectionProperties properties, Install install, Environment environment,
                                  ApiClient client, RedisConnector connector, Clock clock,
                                  List<InformerSourceRegistry> duties, TrafficCounter traffic) {
        InformerSourceRegistry informers = SourceRegistries.of(duties);
        ProjectionOptions options = properties.toOptions(install.namespaces());
        return new ProjectionDuty(options, new SourceCompiler(SourceAdapterRegistry.load(), PipelineOptions.DEFAULT),
                new KubernetesSecretReader(client), new RedisConfigProjection(connector),
                new KubernetesStatusWriter(client), clock,
                enqueue -> new IngesterInformers(client, options.namespaces(), options.resync(), enqueue),
                new InformerIngesters(informers, informers == null ? List.of() : InformerFactory.configured(environment)),
                traffic);
    }
}
