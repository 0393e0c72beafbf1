package io.kubezen.watcher.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kubezen.watcher.config.InvalidSourceException;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.source.SourceAdapterRegistry;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared test setup: a fixed clock, the registered adapters, and JSON/YAML mappers that handle Instants. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    public static final PipelineOptions OPTIONS = PipelineOptions.DEFAULT.withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    public static final SourceAdapterRegistry REGISTRY = SourceAdapterRegistry.load();
    public static final SourceCompiler COMPILER = new SourceCompiler(REGISTRY, OPTIONS);
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    public static final ObjectMapper YAML = new YAMLMapper().registerModule(new JavaTimeModule());

    private Fixtures() {
    }

    public static IngestPipeline pipeline(SourceDefinition definition) {
        try {
            return COMPILER.compile(definition);
        } catch (InvalidSourceException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A definition written in YAML with the Ingester spec's field names (plus {@code name}). */
    public static SourceDefinition definition(String yaml) {
        try {
            return YAML.readValue(yaml, SourceDefinition.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Through text and back, so numbers compare the way they will after the queue and the API server. */
    public static JsonNode tree(Object value) {
        try {
            return JSON.readTree(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
