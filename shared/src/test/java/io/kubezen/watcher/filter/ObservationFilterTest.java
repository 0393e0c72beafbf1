package io.kubezen.watcher.filter;

import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.FilterSpec;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.normalize.EventTypes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ObservationFilterTest {

    static final Observation SHELL_IN_PROD = observation(Severity.HIGH, "prod", "Pod", "terminal_shell_in_container",
            Category.SECURITY, "Terminal shell in container");
    static final Observation NODE_EVENT = observation(Severity.LOW, null, null, "write_below_binary_dir",
            Category.SECURITY, null);

    @Test
    void withoutSpecKeepsEverything() {
        assertThat(ObservationFilter.compile(null, new ConfigErrors()).decide(SHELL_IN_PROD)).isEqualTo(FilterDecision.KEEP);
    }

    @Test
    void minSeverityDropsLessSevereEvents() {
        ObservationFilter filter = compile(spec().minSeverity(Severity.MEDIUM));

        assertThat(filter.decide(SHELL_IN_PROD)).isEqualTo(FilterDecision.KEEP);
        assertThat(filter.decide(NODE_EVENT)).isEqualTo(FilterDecision.drop(FilterReason.SEVERITY));
    }

    @Test
    void includeSeverityKeepsOnlyListedOnesAndCombinesWithMinSeverity() {
        assertThat(compile(spec().includeSeverity(List.of(Severity.LOW))).decide(SHELL_IN_PROD))
                .isEqualTo(FilterDecision.drop(FilterReason.SEVERITY));
        ObservationFilter both = compile(spec().minSeverity(Severity.HIGH).includeSeverity(List.of(Severity.HIGH, Severity.LOW)));
        assertThat(both.decide(SHELL_IN_PROD)).isEqualTo(FilterDecision.KEEP);
        assertThat(both.decide(NODE_EVENT)).isEqualTo(FilterDecision.drop(FilterReason.SEVERITY));
    }

    @Test
    void severityListsThatAdmitNothingAreAConfigError() {
        ConfigErrors errors = new ConfigErrors();

        ObservationFilter.compile(spec().minSeverity(Severity.HIGH).includeSeverity(List.of(Severity.LOW)).build(), errors);

        assertThat(errors.list()).extracting(ConfigError::field).containsExactly("spec.filter.includeSeverity");
    }

    @Test
    void namespaceListsTreatAMissingNamespaceAsNotListed() {
        ObservationFilter include = compile(spec().includeNamespaces(List.of("prod")));
        ObservationFilter exclude = compile(spec().excludeNamespaces(List.of("prod")));

        assertThat(include.decide(SHELL_IN_PROD).kept()).isTrue();
        assertThat(include.decide(NODE_EVENT)).isEqualTo(FilterDecision.drop(FilterReason.NAMESPACE));
        assertThat(exclude.decide(SHELL_IN_PROD)).isEqualTo(FilterDecision.drop(FilterReason.NAMESPACE));
        assertThat(exclude.decide(NODE_EVENT).kept()).isTrue();
    }

    @Test
    void kindsMatchIgnoringCase() {
        assertThat(compile(spec().includeKinds(List.of("pod"))).decide(SHELL_IN_PROD).kept()).isTrue();
        assertThat(compile(spec().excludeKinds(List.of("POD"))).decide(SHELL_IN_PROD))
                .isEqualTo(FilterDecision.drop(FilterReason.KIND));
        assertThat(compile(spec().includeKinds(List.of("Pod"))).decide(NODE_EVENT))
                .isEqualTo(FilterDecision.drop(FilterReason.KIND));
    }

    @Test
    void eventTypesMatchAsTheyWouldBeSanitized() {
        assertThat(compile(spec().includeEventTypes(List.of("Terminal shell in container"))).decide(SHELL_IN_PROD).kept())
                .isTrue();
        assertThat(compile(spec().excludeEventTypes(List.of("terminal_shell_in_container"))).decide(SHELL_IN_PROD))
                .isEqualTo(FilterDecision.drop(FilterReason.EVENT_TYPE));
    }

    @Test
    void longEventTypesMatchByTheirFullName() {
        String rule = "Potential Local Privilege Escalation via Environment Variables Misuse";
        Observation escalation = observation(Severity.HIGH, "prod", "Pod", EventTypes.of(rule), Category.SECURITY, rule);

        assertThat(compile(spec().includeEventTypes(List.of(rule))).decide(escalation).kept()).isTrue();
        assertThat(compile(spec().excludeEventTypes(List.of(EventTypes.sanitize(rule)))).decide(escalation))
                .isEqualTo(FilterDecision.drop(FilterReason.EVENT_TYPE));
    }

    @Test
    void eventTypesWithoutLettersAreAConfigError() {
        ConfigErrors errors = new ConfigErrors();

        ObservationFilter.compile(spec().includeEventTypes(List.of("ok", "!!")).build(), errors);

        assertThat(errors.list()).extracting(ConfigError::field).containsExactly("spec.filter.includeEventTypes[1]");
    }

    @Test
    void categoriesAndRules() {
        assertThat(compile(spec().excludeCategories(List.of(Category.SECURITY))).decide(SHELL_IN_PROD))
                .isEqualTo(FilterDecision.drop(FilterReason.CATEGORY));
        assertThat(compile(spec().includeCategories(List.of(Category.SECURITY, Category.COST))).decide(SHELL_IN_PROD).kept())
                .isTrue();
        assertThat(compile(spec().excludeRules(List.of("Terminal shell in container"))).decide(SHELL_IN_PROD))
                .isEqualTo(FilterDecision.drop(FilterReason.RULE));
        assertThat(compile(spec().includeRules(List.of("Terminal shell in container"))).decide(NODE_EVENT))
                .isEqualTo(FilterDecision.drop(FilterReason.RULE));
    }

    @Test
    void theFirstFailingRuleNamesTheReason() {
        ObservationFilter filter = compile(spec().minSeverity(Severity.CRITICAL).excludeNamespaces(List.of("prod"))
                .expression("false"));

        assertThat(filter.decide(SHELL_IN_PROD)).isEqualTo(FilterDecision.drop(FilterReason.SEVERITY));
    }

    @Test
    void theExpressionRunsAfterTheLists() {
        ObservationFilter filter = compile(spec().includeNamespaces(List.of("prod"))
                .expression("observation.severity == \"critical\""));

        assertThat(filter.decide(NODE_EVENT)).isEqualTo(FilterDecision.drop(FilterReason.NAMESPACE));
        assertThat(filter.decide(SHELL_IN_PROD)).isEqualTo(FilterDecision.drop(FilterReason.EXPRESSION));
    }

    static Observation observation(Severity severity, String namespace, String kind, String eventType,
                                   Category category, String rule) {
        ResourceRef resource = namespace == null && kind == null ? null : new ResourceRef("v1", kind, "web-0", namespace);
        Map<String, Object> details = rule == null ? Map.of("hostname", "worker-1")
                : Map.of("rule", rule, "hostname", "worker-1", "count", 3);
        return new Observation(namespace == null ? "zen-system" : namespace, Map.of("team", "payments"),
                new ObservationSpec("falco", category, severity, eventType, resource, "title", null, details,
                        null, null, null));
    }

    private static ObservationFilter compile(SpecBuilder builder) {
        ConfigErrors errors = new ConfigErrors();
        ObservationFilter filter = ObservationFilter.compile(builder.build(), errors);
        assertThat(errors.list()).isEmpty();
        return filter;
    }

    private static SpecBuilder spec() {
        return new SpecBuilder();
    }

    /** FilterSpec has thirteen optional parts; each test sets one or two. */
    private static final class SpecBuilder {
        private Severity minSeverity;
        private List<Severity> includeSeverity;
        private List<String> includeNamespaces;
        private List<String> excludeNamespaces;
        private List<String> includeKinds;
        private List<String> excludeKinds;
        private List<String> includeEventTypes;
        private List<String> excludeEventTypes;
        private List<Category> includeCategories;
        private List<Category> excludeCategories;
        private List<String> includeRules;
        private List<String> excludeRules;
        private String expression;

        SpecBuilder minSeverity(Severity v) { minSeverity = v; return this; }
        SpecBuilder includeSeverity(List<Severity> v) { includeSeverity = v; return this; }
        SpecBuilder includeNamespaces(List<String> v) { includeNamespaces = v; return this; }
        SpecBuilder excludeNamespaces(List<String> v) { excludeNamespaces = v; return this; }
        SpecBuilder includeKinds(List<String> v) { includeKinds = v; return this; }
        SpecBuilder excludeKinds(List<String> v) { excludeKinds = v; return this; }
        SpecBuilder includeEventTypes(List<String> v) { includeEventTypes = v; return this; }
        SpecBuilder excludeEventTypes(List<String> v) { excludeEventTypes = v; return this; }
        SpecBuilder includeCategories(List<Category> v) { includeCategories = v; return this; }
        SpecBuilder excludeCategories(List<Category> v) { excludeCategories = v; return this; }
        SpecBuilder includeRules(List<String> v) { includeRules = v; return this; }
        SpecBuilder excludeRules(List<String> v) { excludeRules = v; return this; }
        SpecBuilder expression(String v) { expression = v; return this; }

        FilterSpec build() {
            return new FilterSpec(minSeverity, includeSeverity, includeNamespaces, excludeNamespaces, includeKinds,
                    excludeKinds, includeEventTypes, excludeEventTypes, includeCategories, excludeCategories,
                    includeRules, excludeRules, expression);
        }
    }
}
