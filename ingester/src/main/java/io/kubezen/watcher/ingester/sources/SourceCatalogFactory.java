package io.kubezen.watcher.ingester.sources;

import io.micronaut.context.annotation.Requires;
import io.kubezen.watcher.ingester.wiring.ReceiverRole;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kubezen.watcher.config.ConfigTree;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.InvalidSourceException;
import io.kubezen.watcher.config.LimitsSpec;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.ingester.auth.AuthSettings;
import io.kubezen.watcher.ingester.auth.AuthSettingsReader;
import io.kubezen.watcher.ingester.auth.SecretResolver;
import io.kubezen.watcher.ingester.auth.SourceAuthenticator;
import io.kubezen.watcher.ingester.limit.LimitSettings;
import io.kubezen.watcher.pipeline.PipelineOptions;
import io.kubezen.watcher.pipeline.SourceCompiler;
import io.kubezen.watcher.source.SourceAdapterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

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
    private static final ObjectMapper SPEC_READER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndAddModules()
            .build();

    @Singleton
    SourceCompiler sourceCompiler(Clock clock, ReceiverProperties properties) {
        return new SourceCompiler(SourceAdapterRegistry.load(),
                new PipelineOptions(clock, properties.defaultNamespace(), properties.maxDetailBytes()));
    }

    @Singleton
    SecretResolver secretResolver() {
        return new SecretResolver(System::getenv);
    }

    /** Eager, so that a source that does not compile stops the start and the first request pays nothing. */
    @Context
    SourceCatalog sourceCatalog(Environment environment, SourceCompiler compiler, SecretResolver secrets,
                                ReceiverProperties properties) {
        Map<String, ReceiverSource> sources = new TreeMap<>();
        AuthSettings builtinAuth = properties.allowUnauthenticatedBuiltins() ? AuthSettings.none() : AuthSettings.unconfigured();
        for (SourceDefinition builtin : compiler.builtinDefinitions()) {
            sources.put(builtin.name(), build(compiler, secrets, builtin, builtinAuth, null));
        }
        Map<String, Object> configured = ConfigTree.unflatten(SOURCES_PREFIX,
                environment.getProperties(SOURCES_PREFIX, StringConvention.RAW));
        configured.forEach((name, value) -> sources.put(name, configured(compiler, secrets, name, value)));
        if (properties.allowUnauthenticatedBuiltins()) {
            LOG.warn("zen-watcher.receiver.allow-unauthenticated-builtins is on: anyone who can reach this port may "
                    + "post events to the built-in sources {}. Use it for local trials only.",
                    compiler.builtinDefinitions().stream().map(SourceDefinition::name)
                            .filter(name -> !configured.containsKey(name)).toList());
        }
        LOG.info("Receiving for sources {}", sources.keySet());
        return new SourceCatalog(sources);
    }

    @SuppressWarnings("unchecked")
    private static ReceiverSource configured(SourceCompiler compiler, SecretResolver secrets, String name, Object value) {
        String key = SOURCES_PREFIX + "." + name;
        if (!(value instanceof Map)) {
            throw new ConfigurationException(key + " must be a map in the shape of an Ingester spec");
        }
        Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) value);
        spec.putIfAbsent("source", name);
        Map<String, Object> webhook = (Map<String, Object>) spec.remove("webhook");
        try {
            IngesterSpec ingester = SPEC_READER.convertValue(spec, IngesterSpec.class);
            if (ingester.type() == SourceType.INFORMER) {
                throw new ConfigurationException(key + ".type: informer sources are run by the controller, not the ingester");
            }
            AuthSettings auth = AuthSettingsReader.read(webhook == null ? null : (Map<String, ?>) webhook.get("auth"));
            LimitsSpec limits = webhook == null || webhook.get("limits") == null ? null
                    : SPEC_READER.convertValue(webhook.get("limits"), LimitsSpec.class);
            return build(compiler, secrets, SourceDefinition.of(ingester, limits), auth, limits);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key + ": " + e.getMessage(), e);
        }
    }

    private static ReceiverSource build(SourceCompiler compiler, SecretResolver secrets, SourceDefinition definition,
                                        AuthSettings auth, LimitsSpec limits) {
        try {
            return new ReceiverSource(definition.name(), compiler.compile(definition),
                    SourceAuthenticator.create(definition.name(), auth, secrets),
                    LimitSettings.of(definition.type(), limits));
        } catch (InvalidSourceException e) {
            throw new ConfigurationException(SOURCES_PREFIX + "." + definition.name() + ": " + e.getMessage(), e);
        }
    }
}
