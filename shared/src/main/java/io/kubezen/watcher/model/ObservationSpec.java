package io.kubezen.watcher.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code spec} of an {@code observations.zen.kube-zen.io/v1alpha1} resource, field for field
 * wire-compatible with zen-watcher: {@code source}, {@code category}, {@code severity} and
 * {@code eventType} are required; the rest is optional.
 *
 * @param details free-form, source-specific; kept in the order the source produced it so that the same
 *                input always serializes to the same bytes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObservationSpec(
        String source,
        Category category,
        Severity severity,
        String eventType,
        ResourceRef resource,
        String title,
        String description,
        Map<String, Object> details,
        Instant detectedAt,
        String fingerprint,
        Long ttlSecondsAfterCreation) {

    public ObservationSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(eventType, "eventType");
        details = details == null ? null : ArrayMap.copyOf(details);
    }

    public ObservationSpec withFingerprint(String newFingerprint) {
        return new ObservationSpec(source, category, severity, eventType, resource, title, description, details,
                detectedAt, newFingerprint, ttlSecondsAfterCreation);
    }

    public ObservationSpec withTtlSecondsAfterCreation(Long ttl) {
        return new ObservationSpec(source, category, severity, eventType, resource, title, description, details,
                detectedAt, fingerprint, ttl);
    }
}
