package io.kubezen.watcher.ingester.sources;

import io.kubezen.watcher.config.ExpectationsSpec;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.InvalidSourceException;
import io.kubezen.watcher.config.LimitsSpec;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.config.SpecJson;
import io.kubezen.watcher.config.WebhookSpec;
import io.kubezen.watcher.ingester.auth.AuthSettings;
import io.kubezen.watcher.ingester.auth.AuthSettingsReader;
import io.kubezen.watcher.ingester.auth.SecretResolver;
import io.kubezen.watcher.ingester.auth.SourceAuthenticator;
import io.kubezen.watcher.ingester.limit.LimitSettings;
import io.kubezen.watcher.pipeline.SourceCompiler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds one {@link ReceiverSource} from an Ingester spec, whether it came from the application's configuration
 * or from the controller's projection, so both are read by the same rules.
 */
public final class SourceBuilder {

    public static final String INFORMER_REFUSED = refused(SourceType.INFORMER);

    private final SourceCompiler compiler;
    private final SecretResolver secrets;

    public SourceBuilder(SourceCompiler compiler, SecretResolver secrets) {
        this.compiler = compiler;
        this.secrets = secrets;
    }

    /**
     * A configured source: {@code zen-watcher.sources.<name>}, a map in the shape of an Ingester spec.
     *
     * @param name the source name when the map has no {@code source}
     * @throws IllegalArgumentException naming the key below the spec when the map cannot be read
     * @throws InvalidSourceException   naming every field that does not compile
     */
    public ReceiverSource build(String name, Map<String, Object> specMap) throws InvalidSourceException {
        Map<String, Object> spec = new LinkedHashMap<>(specMap);
        spec.putIfAbsent("source", name);
        return build(SpecJson.convert(spec));
    }

    /**
     * @throws IllegalArgumentException naming the key below the spec when it does not apply here
     * @throws InvalidSourceException   naming every field that does not compile
     */
    ReceiverSource build(IngesterSpec ingester) throws InvalidSourceException {
        if (ingester.type().runsInController()) {
            throw new IllegalArgumentException("type: " + refused(ingester.type()));
        }
        WebhookSpec webhook = ingester.webhook();
        LimitsSpec limits = webhook == null ? null : webhook.limits();
        AuthSettings auth = AuthSettingsReader.read(webhook == null ? null : webhook.auth());
        return build(SourceDefinition.of(ingester, limits), auth, limits, ingester.expectations());
    }

    /** @param expectations null when the source sets none */
    public ReceiverSource build(SourceDefinition definition, AuthSettings auth, LimitsSpec limits,
                                ExpectationsSpec expectations) throws InvalidSourceException {
        return new ReceiverSource(definition.name(), compiler.compile(definition),
                SourceAuthenticator.create(definition.name(), auth, secrets),
                LimitSettings.of(definition.type(), limits), expectations);
    }

    private static String refused(SourceType type) {
        return type.wireName() + " sources are run by the controller, not the ingester";
    }
}
