package io.kubezen.watcher.projection;

import io.kubezen.watcher.config.IngesterSpec;

import java.util.Map;
import java.util.Objects;

/**
 * One version of the projected configuration: every valid Ingester's spec, with Secret references replaced by
 * verifiers ({@code sha256}, {@code bcrypt}) or file paths, so the document can sit in Redis and reveal no
 * credential. Its JSON form is {@link ProjectionDocument}'s.
 *
 * @param version    0 when nothing was ever projected; grows by one with every publication
 * @param sources    keyed by {@code namespace/name} of the Ingester
 * @param unreadable specs this process cannot read (written by a newer controller), by key, with the reason;
 *                   the others still apply
 */
public record ProjectedConfig(long version, Map<String, IngesterSpec> sources, Map<String, String> unreadable) {

    public static final ProjectedConfig EMPTY = new ProjectedConfig(0, Map.of(), Map.of());

    public ProjectedConfig {
        sources = Map.copyOf(Objects.requireNonNull(sources, "sources"));
        unreadable = Map.copyOf(Objects.requireNonNull(unreadable, "unreadable"));
    }
}
