package io.kubezen.watcher.ingester.sources;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kubezen.watcher.config.ExpectationsSpec;
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
import io.kubezen.watcher.pipeline.SourceCompiler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds one {@link ReceiverSource} from a map in the shape of an Ingester spec, whether it came from the
 * application's configuration or from the controller's projection, so both are read by the same rules.
 */
final class SourceBuilder {

    static final String INFORMER_REFUSED = refused(SourceType.INFORMER);

    private static final ObjectMapper SPEC_READER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndAddModules()
            .build();

    private final SourceCompiler compiler;
    private final SecretResolver secrets;

    SourceBuilder(SourceCompiler compiler, SecretResolver secrets) {
        this.compiler = compiler;
        this.secrets = secrets;
    }

    /**
     * @param name the source name when the map has no {@code source}
     * @throws IllegalArgumentException naming the key below the spec when the map cannot be read
     * @throws InvalidSourceException   naming every field that does not compile
     */
    @SuppressWarnings("unchecked")
    ReceiverSource build(String name, Map<String, Object> specMap) throws InvalidSourceException {
        Map<String, Object> spec = new LinkedHashMap<>(specMap);
        spec.putIfAbsent("source", name);
        Map<String, Object> webhook = (Map<String, Object>) spec.remove("webhook");
        IngesterSpec ingester = SPEC_READER.convertValue(spec, IngesterSpec.class);
        if (ingester.type().runsInController()) {
            throw new IllegalArgumentException("type: " + refused(ingester.type()));
        }
        AuthSettings auth = AuthSettingsReader.read(webhook == null ? null : (Map<String, ?>) webhook.get("auth"));
        LimitsSpec limits = webhook == null || webhook.get("limits") == null ? null
                : SPEC_READER.convertValue(webhook.get("limits"), LimitsSpec.class);
        return build(SourceDefinition.of(ingester, limits), auth, limits, ingester.expectations());
    }

    /** @param expectations null when the source sets none */
    ReceiverSource build(SourceDefinition definition, AuthSettings auth, LimitsSpec limits,
                         ExpectationsSpec expectations) throws InvalidSourceException {
        return new ReceiverSource(definition.name(), compiler.compile(definition),
                SourceAuthenticator.create(definition.name(), auth, secrets),
                LimitSettings.of(definition.type(), limits), expectations);
    }

    private static String refused(SourceType type) {
        return type.wireName() + " sources are run by the controller, not the ingester";
    }
}
