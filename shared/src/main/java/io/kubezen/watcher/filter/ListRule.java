package io.kubezen.watcher.filter;

import io.kubezen.watcher.model.Observation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One include/exclude pair over one field. Configured values and event values go through the same
 * {@code canonical} function (lowercase for kinds, sanitizing for event types), so operators can write
 * "Pod" or "Terminal shell in container" as they see them.
 */
record ListRule(FilterReason reason, Function<Observation, String> field, Function<String, String> canonical,
                Set<String> include, Set<String> exclude) {

    /** Empty when both lists are absent or empty: such a rule would pass everything. */
    static Optional<ListRule> of(FilterReason reason, Function<Observation, String> field,
                                 Function<String, String> canonical, List<String> include, List<String> exclude) {
        Set<String> in = canonicalSet(include, canonical);
        Set<String> out = canonicalSet(exclude, canonical);
        return in.isEmpty() && out.isEmpty() ? Optional.empty()
                : Optional.of(new ListRule(reason, field, canonical, in, out));
    }

    boolean passes(Observation observation) {
        String raw = field.apply(observation);
        String value = raw == null ? null : canonical.apply(raw);
        if (!include.isEmpty() && (value == null || !include.contains(value))) {
            return false;
        }
        return value == null || !exclude.contains(value);
    }

    private static Set<String> canonicalSet(List<String> values, Function<String, String> canonical) {
        return values == null ? Set.of() : values.stream().filter(Objects::nonNull).map(canonical)
                .filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
