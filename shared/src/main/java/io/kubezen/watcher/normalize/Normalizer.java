package io.kubezen.watcher.normalize;

import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationLabels;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.ResourceRef;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one place where drafts from every source become Observations: severity words resolved, event types
 * sanitized, category and namespace chosen, details bounded, labels set. Every value it produces is one the
 * Observation CRD and the API server accept, whatever the draft holds. Deterministic: the same draft gives an
 * equal Observation, except that a draft without a usable time (none, or outside the years 1970 to 9999) gets
 * the clock's.
 */
public final class Normalizer {

    public static final int DEFAULT_MAX_DETAIL_BYTES = 16 * 1024;
    /** Where the whole sanitized event type is kept when {@code spec.eventType} holds its shortened form. */
    public static final String EVENT_TYPE_FULL = "eventTypeFull";
    /** Detail keys this stage writes itself; a mapping may not produce them. */
    public static final Set<String> RESERVED_DETAILS = Set.of("rule", "raw", "unmappedSeverity", "unmappedCategory",
            EVENT_TYPE_FULL);
    public static final int MAX_TITLE_LENGTH = 256;
    public static final int MAX_DESCRIPTION_LENGTH = 4096;

    private final String source;
    private final Category category;
    private final String defaultEventType;
    private final SeverityResolver severities;
    private final NamespacePlacement placement;
    private final Clock clock;
    private final DetailValues detailValues;

    /**
     * @param defaultEventType already sanitized; used when a draft's event type sanitizes to nothing
     * @param maxDetailBytes   bound on each detail value's serialized size, {@code details.raw} included
     */
    public Normalizer(String source, Category category, String defaultEventType, SeverityResolver severities,
                      NamespacePlacement placement, Clock clock, int maxDetailBytes) {
        this.source = Objects.requireNonNull(source, "source");
        this.category = Objects.requireNonNull(category, "category");
        this.defaultEventType = Objects.requireNonNull(defaultEventType, "defaultEventType");
        this.severities = severities;
        this.placement = placement;
        this.clock = clock;
        this.detailValues = new DetailValues(maxDetailBytes);
    }

    public Observation normalize(ObservationDraft draft) {
        SeverityResolver.Resolution severity = severities.resolve(draft.severity());
        Category mappedCategory = draft.category() == null ? null
                : Category.fromWire(draft.category().strip().toLowerCase(Locale.ROOT)).orElse(null);
        Category eventCategory = mappedCategory != null ? mappedCategory : category;
        String fullEventType = EventTypes.sanitize(draft.eventType());
        String eventType = fullEventType == null ? defaultEventType : EventTypes.shorten(fullEventType);
        ResourceRef resource = isEmpty(draft.resource()) ? null : ResourceRefs.bounded(draft.resource());
        Instant detectedAt = Objects.requireNonNullElseGet(Timestamps.bounded(draft.detectedAt()), clock::instant);

        Map<String, Object> details = new LinkedHashMap<>();
        putIfPresent(details, "rule", draft.rule());
        if (fullEventType != null && !fullEventType.equals(eventType)) {
            putIfPresent(details, EVENT_TYPE_FULL, fullEventType);
        }
        draft.details().forEach((key, value) -> details.put(key, detailValues.bounded(value)));
        putIfPresent(details, "unmappedSeverity", severity.unmappedWord());
        if (mappedCategory == null && draft.category() != null && !draft.category().isBlank()) {
            putIfPresent(details, "unmappedCategory", draft.category());
        }
        if (draft.raw() != null) {
            details.put("raw", detailValues.bounded(draft.raw()));
        }

        Map<String, String> labels = new LinkedHashMap<>();
        draft.labels().forEach((key, value) -> labels.put(key, LabelValues.sanitize(value)));
        labels.put(ObservationLabels.MANAGED_BY, ObservationLabels.MANAGED_BY_VALUE);
        labels.put(ObservationLabels.SOURCE, LabelValues.sanitize(source));
        labels.put(ObservationLabels.CATEGORY, eventCategory.wireName());
        labels.put(ObservationLabels.SEVERITY, severity.severity().wireName());

        ObservationSpec spec = new ObservationSpec(source, eventCategory, severity.severity(), eventType, resource,
                cut(draft.title(), MAX_TITLE_LENGTH), cut(draft.description(), MAX_DESCRIPTION_LENGTH),
                details.isEmpty() ? null : details, detectedAt, null, null);
        return new Observation(placement.place(resource == null ? null : resource.namespace()), labels, spec);
    }

    private static boolean isEmpty(ResourceRef ref) {
        return ref == null || (ref.apiVersion() == null && ref.kind() == null && ref.name() == null
                && ref.namespace() == null);
    }

    private void putIfPresent(Map<String, Object> details, String key, String value) {
        if (value != null) {
            details.put(key, detailValues.bounded(value));
        }
    }

    /** Blank becomes absent; over the limit is cut on a code point boundary and marked with an ellipsis. */
    private static String cut(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.codePointCount(0, trimmed.length()) <= maxLength) {
            return trimmed;
        }
        return trimmed.substring(0, trimmed.offsetByCodePoints(0, maxLength - 1)) + "\u2026";
    }
}
