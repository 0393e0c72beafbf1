package io.kubezen.watcher.source;

import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Severity;

import java.util.List;

/**
 * What a source type uses where its configuration says nothing.
 *
 * @param severity          for events whose severity word is missing or unknown
 * @param eventType         for events without a usable type; already in {@code [a-z0-9_]} form
 * @param fingerprintFields the fields that identify "the same event" for dedup; see {@code fingerprint.FieldPath}
 */
public record SourceDefaults(Category category, Severity severity, String eventType, List<String> fingerprintFields) {

    public SourceDefaults {
        fingerprintFields = List.copyOf(fingerprintFields);
    }
}
