package io.kubezen.watcher.config;

import io.kubezen.watcher.model.Category;

import java.util.Objects;

/**
 * The part of a source's configuration that the pure pipeline stages read: an Ingester's spec without
 * its transport (auth, rate limits, informer GVR). Optional parts are null and mean "the type's default".
 * It is validated and compiled once, by {@code pipeline.SourceCompiler}, never per event.
 *
 * @param name            {@code spec.source}: the {@code {source}} in {@code POST /ingest/{source}}
 * @param maxNestingDepth {@code spec.webhook.limits.maxNestingDepth}; null: {@link LimitsSpec#DEFAULT_MAX_NESTING_DEPTH}
 * @param informer        {@code spec.informer}, only for informer sources: its {@code builtinMapping} chooses the parser
 * @param logs            {@code spec.logs}, only for logs sources: its patterns are the parser
 */
public record SourceDefinition(
        String name,
        SourceType type,
        Category category,
        DestinationSpec destination,
        Long ttlSecondsAfterCreation,
        MappingSpec mapping,
        FilterSpec filter,
        DedupSpec dedup,
        Integer maxNestingDepth,
        InformerSpec informer,
        LogsSpec logs) {

    public SourceDefinition {
        Objects.requireNonNull(type, "type");
    }

    /** The source that exists without configuration for a type, named after it: {@code POST /ingest/falco}. */
    public static SourceDefinition builtin(SourceType type) {
        return new SourceDefinition(type.wireName(), type, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The pipeline's part of an Ingester spec.
     *
     * @param limits the spec's {@code webhook.limits}, or null; only the nesting depth concerns the pipeline
     */
    public static SourceDefinition of(IngesterSpec spec, LimitsSpec limits) {
        return new SourceDefinition(spec.source(), spec.type(), spec.category(), spec.destination(),
                spec.ttlSecondsAfterCreation(), spec.mapping(), spec.filter(), spec.dedup(),
                limits == null ? null : limits.maxNestingDepth(), spec.informer(), spec.logs());
    }

    public int nestingDepthLimit() {
        return maxNestingDepth == null ? LimitsSpec.DEFAULT_MAX_NESTING_DEPTH : maxNestingDepth;
    }
}
