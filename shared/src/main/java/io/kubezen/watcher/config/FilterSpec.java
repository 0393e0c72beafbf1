package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Severity;

import java.util.List;

/**
 * Which events of a source become Observations. An absent or empty list does not restrict; an event must
 * pass every list that is set and then {@code expression}.
 *
 * @param expression CEL over {@code observation}, for example {@code observation.severity == "critical"}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilterSpec(
        Severity minSeverity,
        List<Severity> includeSeverity,
        List<String> includeNamespaces,
        List<String> excludeNamespaces,
        List<String> includeKinds,
        List<String> excludeKinds,
        List<String> includeEventTypes,
        List<String> excludeEventTypes,
        List<Category> includeCategories,
        List<Category> excludeCategories,
        List<String> includeRules,
        List<String> excludeRules,
        String expression) {
}
