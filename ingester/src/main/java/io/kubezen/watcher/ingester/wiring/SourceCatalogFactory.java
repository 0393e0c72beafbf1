package io.kubezen.watcher.ingester.wiring;

import io.kubezen.watcher.config.ConfigTree;
import io.kubezen.watcher.config.InvalidSourceException;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.ingester.auth.AuthSettings;
import io.kubezen.watcher.ingester.auth.SecretResolver;
import io.kubezen.watcher.ingester.sources.ProjectedSources;
import io.kubezen.watcher.ingester.sources.ProjectionReloader;
import io.kubezen.watcher.ingester.sources.ReceiverSource;
import io.kubezen.watcher.ingester.sources.SourceBuilder;
import io.kubezen.watcher.ingester.sources.SourceCatalog;
import io.kubezen.watcher.ingester.sources.SourceGauges;
import io.kubezen.watcher.metrics.ObservedEvents;
import io.kubezen.watcher.pipeline.PipelineOptions;
import io.kubezen.watcher.pipeline.SourceCompiler;
import io.kubezen.watcher.projection.redis.RedisConfigProjection;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.source.SourceAdapterRegistry;
import io.kubezen.watcher.wiring.RedisProperties;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.naming.conventions.StringConvention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Builds the receiver's sources at start-up: one built-in source per webhook type, named after it, then the
 * sources of {@code zen-watcher.sources.<name>} (same shape as an Ingester's spec), which replace a built-in
 * of the same name. A source that does not compile stops the start with every error and its key.
 */
@Requires(condition = ReceiverRole.class)
@Factory
class SourceCatalogFactory {

    static final String SOURCES_PREFIX = "zen-watcher.sources";
    private static final Logger LOG = LoggerFactory.getLogger(SourceCatalogFactory.class);

    /**
     * Eager, so that a source that does not compile stops the start and the first request pays nothing. With
     * Redis, the Ingesters the controller projected join the catalog before the first request, and replace it on
     * every change: the reloader, created first, is already reading them.
     * <p>
     * The source adapters are found and loaded (with Jackson, most of their classes) on a thread of their own while
     * this one builds the metrics registry: the two need nothing of each other, and a start has a second core.
     */
    @Context
    SourceCatalog sourceCatalog(@Nullable ProjectionReloader reloader, Environment environment, Clock clock,
                                SecretResolver secrets, ReceiverProperties properties,
                                BeanProvider<ObservedEvents> observedEvents) {
        FutureTask<SourceAdapterRegistry> adapters = new FutureTask<>(SourceAdapterRegistry::load);
        Thread loading = new Thread(adapters, "source-adapters");
        loading.setDaemon(true);
        loading.start();
        ObservedEvents observed = observedEvents.get();
        SourceCompiler compiler = new SourceCompiler(loaded(adapters),
                new PipelineOptions(clock, properties.defaultNamespace(), properties.maxDetailBytes()));
        SourceBuilder builder = new SourceBuilder(compiler, secrets);
        Map<String, ReceiverSource> sources = new TreeMap<>();
        AuthSettings builtinAuth = properties.allowUnauthenticatedBuiltins() ? AuthSettings.none() : AuthSettings.unconfigured();
        for (SourceDefinition builtin : compiler.builtinDefinitions()) {
            sources.put(builtin.name(), builtin(builder, builtin, builtinAuth));
        }
        Map<String, Object> configured = ConfigTree.unflatten(SOURCES_PREFIX,
                environment.getProperties(SOURCES_PREFIX, StringConvention.RAW));
        configured.forEach((name, value) -> sources.put(name, configured(builder, name, value)));
        if (properties.allowUnauthenticatedBuiltins()) {
            LOG.warn("zen-watcher.receiver.allow-unauthenticated-builtins is on: anyone who can reach this port may "
                    + "post events to the built-in sources {}. Use it for local trials only.",
                    compiler.builtinDefinitions().stream().map(SourceDefinition::name)
                            .filter(name -> !configured.containsKey(name)).toList());
        }
        LOG.info("Receiving for sources {}", sources.keySet());
        SourceCatalog catalog = new SourceCatalog(sources, new SourceGauges(observed));
        if (reloader != null) {
            reloader.attach(new ProjectedSources(catalog, builder));
        }
        return catalog;
    }

    /** Starts reading the projection as soon as Redis is configured, before the catalog is compiled. */
    @Context
    @Requires(property = RedisProperties.URI)
    @Bean(preDestroy = "close")
    ProjectionReloader projectionReloader(RedisConnector connector, ProjectionProperties properties) {
        ProjectionReloader reloader = new ProjectionReloader(new RedisConfigProjection(connector));
        reloader.start(properties.refreshInterval());
        return reloader;
    }

    /** The adapters, or the start fails as it would had they been loaded on this thread. */
    private static SourceAdapterRegistry loaded(FutureTask<SourceAdapterRegistry> adapters) {
        try {
            return adapters.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationException("interrupted while loading the source adapters", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static ReceiverSource configured(SourceBuilder builder, String name, Object value) {
        String key = SOURCES_PREFIX + "." + name;
        if (!(value instanceof Map)) {
            throw new ConfigurationException(key + " must be a map in the shape of an Ingester spec");
        }
        if (SourceType.INFORMER.wireName().equals(((Map<String, Object>) value).get("type"))) {
            throw new ConfigurationException(key + ".type: " + SourceBuilder.INFORMER_REFUSED);
        }
        try {
            return builder.build(name, (Map<String, Object>) value);
        } catch (IllegalArgumentException | InvalidSourceException e) {
            throw new ConfigurationException(key + ": " + e.getMessage(), e);
        }
    }

    private static ReceiverSource builtin(SourceBuilder builder, SourceDefinition definition, AuthSettings auth) {
        try {
            return builder.build(definition, auth, null, null);
        } catch (InvalidSourceException e) {
            throw new ConfigurationException(SOURCES_PREFIX + "." + definition.name() + ": " + e.getMessage(), e);
        }
    }
}
