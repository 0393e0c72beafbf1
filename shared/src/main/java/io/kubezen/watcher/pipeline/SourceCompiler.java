package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.DestinationSpec;
import io.kubezen.watcher.config.InvalidSourceException;
import io.kubezen.watcher.config.MappingSpec;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.filter.ObservationFilter;
import io.kubezen.watcher.fingerprint.Fingerprinter;
import io.kubezen.watcher.normalize.EventTypes;
import io.kubezen.watcher.normalize.KubernetesNames;
import io.kubezen.watcher.normalize.NamespacePlacement;
import io.kubezen.watcher.normalize.Normalizer;
import io.kubezen.watcher.normalize.SeverityResolver;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.SourceAdapter;
import io.kubezen.watcher.source.SourceAdapterRegistry;
import io.kubezen.watcher.store.SourceNames;
import io.kubezen.watcher.source.SourceDefaults;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Validates a source definition and compiles it into an {@link IngestPipeline}, reporting every problem
 * with the exact field path of the Ingester resource. The ingester uses it for sources from its own
 * configuration, the controller for an Ingester's status, so both say the same thing about the same mistake.
 */
public final class SourceCompiler {

    static final int MAX_NESTING_DEPTH = 1000;

    private final SourceAdapterRegistry registry;
    private final PipelineOptions options;

    public SourceCompiler(SourceAdapterRegistry registry, PipelineOptions options) {
        this.registry = registry;
        this.options = options;
    }

    /** Every problem of the definition; empty when it compiles. */
    public List<ConfigError> validate(SourceDefinition definition) {
        try {
            compile(definition);
            return List.of();
        } catch (InvalidSourceException e) {
            return e.errors();
        }
    }

    public IngestPipeline compile(SourceDefinition definition) throws InvalidSourceException {
        ConfigErrors errors = new ConfigErrors();
        SourceAdapter adapter = registry.find(definition.type()).orElse(null);
        if (adapter == null) {
            errors.add("spec.type", "type " + definition.type().wireName() + " cannot be received by this process; "
                    + "it reads " + registry.types().stream().map(SourceType::wireName).collect(Collectors.joining(", ")));
            throw new InvalidSourceException(definition.name(), errors.list());
        }
        checkCommon(definition, errors);
        SourceDefaults defaults = adapter.defaults(definition);
        EventParser parser = adapter.compile(definition, errors);
        MappingSpec mapping = definition.mapping();
        String eventType = defaultEventType(mapping, defaults, errors);
        SeverityResolver severities = SeverityResolver.compile(mapping == null ? null : mapping.severityMap(),
                mapping != null && mapping.defaultSeverity() != null ? mapping.defaultSeverity() : defaults.severity(),
                "spec.mapping.severityMap", errors);
        ObservationFilter filter = ObservationFilter.compile(definition.filter(), errors);
        List<String> configuredFingerprint = configuredFingerprintFields(definition);
        Fingerprinter fingerprinter = Fingerprinter.compile(definition.name(),
                configuredFingerprint != null ? configuredFingerprint : defaults.fingerprintFields(),
                "spec.dedup.fingerprintFields", errors);
        if (!errors.isEmpty()) {
            throw new InvalidSourceException(definition.name(), errors.list());
        }
        Normalizer normalizer = new Normalizer(definition.name(),
                definition.category() != null ? definition.category() : defaults.category(), eventType, severities,
                new NamespacePlacement(definition.destination(), options.fallbackNamespace()), options.clock(),
                options.maxDetailBytes());
        return new IngestPipeline(definition, parser, normalizer, filter,
                new Fingerprints(definition.name(), fingerprinter, configuredFingerprint != null),
                DedupPolicy.of(definition.dedup()));
    }

    /**
     * The built-in source of every registered type received over HTTP, named after it, for
     * {@code POST /ingest/<type>}. The types the controller runs need something to watch, so they have none.
     */
    public List<SourceDefinition> builtinDefinitions() {
        return registry.types().stream().filter(type -> !type.runsInController())
                .map(SourceDefinition::builtin).toList();
    }

    private static String defaultEventType(MappingSpec mapping, SourceDefaults defaults, ConfigErrors errors) {
        if (mapping == null || mapping.defaultEventType() == null) {
            return defaults.eventType();
        }
        String eventType = EventTypes.sanitize(mapping.defaultEventType());
        if (eventType == null) {
            errors.add("spec.mapping.defaultEventType", "'" + mapping.defaultEventType() + "' has no letters or digits");
        } else if (eventType.length() > EventTypes.MAX_LENGTH) {
            errors.add("spec.mapping.defaultEventType", "'" + eventType + "' is longer than " + EventTypes.MAX_LENGTH
                    + " characters, the Observation's limit for an event type");
        }
        return eventType;
    }

    /** The configured fields, or null for the defaults: an empty list means them, as an absent one does. */
    private static List<String> configuredFingerprintFields(SourceDefinition definition) {
        List<String> configured = definition.dedup() == null ? null : definition.dedup().fingerprintFields();
        return configured == null || configured.isEmpty() ? null : configured;
    }

    private static void checkCommon(SourceDefinition definition, ConfigErrors errors) {
        if (definition.name() == null || definition.name().isEmpty()) {
            errors.add("spec.source", "is required");
        } else if (!SourceNames.isIngesterName(definition.name())) {
            errors.add("spec.source", "'" + definition.name() + "' " + SourceNames.INGESTER_NAME_RULE);
        }
        DestinationSpec destination = definition.destination();
        if (destination != null && destination.namespace() != null && !KubernetesNames.isDnsLabel(destination.namespace())) {
            errors.add("spec.destination.namespace", "'" + destination.namespace() + "' is not a namespace name");
        }
        List<String> allowed = destination == null || destination.allowedNamespaces() == null
                ? List.of() : destination.allowedNamespaces();
        for (int i = 0; i < allowed.size(); i++) {
            String namespace = allowed.get(i);
            if (!DestinationSpec.ALL_NAMESPACES.equals(namespace) && !KubernetesNames.isDnsLabel(namespace)) {
                errors.add("spec.destination.allowedNamespaces[" + i + "]", "'" + namespace + "' is not a namespace name");
            }
        }
        if (definition.ttlSecondsAfterCreation() != null && definition.ttlSecondsAfterCreation() < 1) {
            errors.add("spec.ttlSecondsAfterCreation", "must be at least 1");
        }
        if (definition.dedup() != null && definition.dedup().windowSeconds() != null
                && definition.dedup().windowSeconds() < 1) {
            errors.add("spec.dedup.windowSeconds", "must be at least 1");
        }
        if (definition.maxNestingDepth() != null
                && (definition.maxNestingDepth() < 1 || definition.maxNestingDepth() > MAX_NESTING_DEPTH)) {
            errors.add("spec.webhook.limits.maxNestingDepth", "must be between 1 and " + MAX_NESTING_DEPTH);
        }
    }
}
