package io.kubezen.watcher.projection;

import java.util.Map;
import java.util.Objects;

/**
 * One version of the projected configuration: every valid Ingester's spec, in the Ingester shape with Secret
 * references replaced by verifiers ({@code {sha256: ...}}, {@code {bcrypt: ...}}) or file paths, so the
 * document can sit in Redis and reveal no credential.
 *
 * @param version 0 when nothing was ever projected; grows by one with every publication
 * @param sources keyed by {@code namespace/name} of the Ingester; values are JSON objects as plain maps
 */
public record ProjectedConfig(long version, Map<String, Map<String, Object>> sources) {

    public static final ProjectedConfig EMPTY = new ProjectedConfig(0, Map.of());

    public ProjectedConfig {
        sources = Map.copyOf(Objects.requireNonNull(sources, "sources"));
    }
}
