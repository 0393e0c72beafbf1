package io.kubezen.watcher.filter;

import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.FilterSpec;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.normalize.EventTypes;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A source's {@code spec.filter}, compiled once. Rules run in a fixed order (severity, namespace, kind,
 * event type, category, rule, then the expression); the first that rejects names the reason. An event
 * without the field a list looks at (no namespace, say) fails an include list and passes an exclude list.
 */
public final class ObservationFilter {

    public static final ObservationFilter KEEP_ALL = new ObservationFilter(List.of(), null);
    private static final String FIELD = "spec.filter.";

    private final List<ListRule> rules;
    private final CelExpression expression;

    private ObservationFilter(List<ListRule> rules, CelExpression expression) {
        this.rules = rules;
        this.expression = expression;
    }

    /** Compiles the filter; bad parts are reported under {@code spec.filter.<field>}. */
    public static ObservationFilter compile(FilterSpec spec, ConfigErrors errors) {
        if (spec == null) {
            return KEEP_ALL;
        }
        List<ListRule> rules = new ArrayList<>();
        severityRule(spec, errors).ifPresent(rules::add);
        ListRule.of(FilterReason.NAMESPACE, o -> resource(o).namespace(), Function.identity(),
                spec.includeNamespaces(), spec.excludeNamespaces()).ifPresent(rules::add);
        ListRule.of(FilterReason.KIND, o -> resource(o).kind(), k -> k.toLowerCase(Locale.ROOT),
                spec.includeKinds(), spec.excludeKinds()).ifPresent(rules::add);
        checkEventTypes(spec.includeEventTypes(), "includeEventTypes", errors);
        checkEventTypes(spec.excludeEventTypes(), "excludeEventTypes", errors);
        ListRule.of(FilterReason.EVENT_TYPE, o -> o.spec().eventType(), EventTypes::of,
                spec.includeEventTypes(), spec.excludeEventTypes()).ifPresent(rules::add);
        ListRule.of(FilterReason.CATEGORY, o -> o.spec().category().wireName(), Function.identity(),
                wireNames(spec.includeCategories()), wireNames(spec.excludeCategories())).ifPresent(rules::add);
        ListRule.of(FilterReason.RULE, ObservationFilter::rule, Function.identity(),
                spec.includeRules(), spec.excludeRules()).ifPresent(rules::add);
        CelExpression expression = spec.expression() == null || spec.expression().isBlank() ? null
                : CelExpression.compile(spec.expression(), errors);
        return new ObservationFilter(List.copyOf(rules), expression);
    }

    public FilterDecision decide(Observation observation) {
        for (ListRule rule : rules) {
            if (!rule.passes(observation)) {
                return FilterDecision.drop(rule.reason());
            }
        }
        return expression == null ? FilterDecision.KEEP : expression.decide(observation);
    }

    /** minSeverity and includeSeverity both apply when both are set. */
    private static Optional<ListRule> severityRule(FilterSpec spec, ConfigErrors errors) {
        EnumSet<Severity> allowed = EnumSet.allOf(Severity.class);
        if (spec.minSeverity() != null) {
            allowed.removeIf(s -> !s.isAtLeast(spec.minSeverity()));
        }
        if (spec.includeSeverity() != null && !spec.includeSeverity().isEmpty()) {
            allowed.retainAll(spec.includeSeverity());
        }
        if (allowed.isEmpty()) {
            errors.add(FIELD + "includeSeverity", "together with minSeverity " + spec.minSeverity().wireName()
                    + " it admits no severity at all");
        }
        if (allowed.isEmpty() || allowed.size() == Severity.values().length) {
            return Optional.empty();
        }
        return ListRule.of(FilterReason.SEVERITY, o -> o.spec().severity().wireName(), Function.identity(),
                allowed.stream().map(Severity::wireName).toList(), List.of());
    }

    private static void checkEventTypes(List<String> types, String field, ConfigErrors errors) {
        if (types == null) {
            return;
        }
        for (int i = 0; i < types.size(); i++) {
            if (EventTypes.sanitize(types.get(i)) == null) {
                errors.add(FIELD + field + "[" + i + "]", "'" + types.get(i) + "' is not an event type");
            }
        }
    }

    private static List<String> wireNames(List<Category> categories) {
        return categories == null ? null : categories.stream().filter(Objects::nonNull).map(Category::wireName).toList();
    }

    private static ResourceRef resource(Observation o) {
        ResourceRef resource = o.spec().resource();
        return resource == null ? new ResourceRef(null, null, null, null) : resource;
    }

    private static String rule(Observation o) {
        return o.spec().details() != null && o.spec().details().get("rule") instanceof String rule ? rule : null;
    }
}
