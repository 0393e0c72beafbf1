package io.kubezen.watcher.testing.metrics;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PromQL expression of the chart's dashboard or alert rules, with what it needs from the scraped apps:
 * the {@code zen_watcher_*} series it reads, and the label names it matches on ({@code {label="..."}}) or
 * groups by ({@code by (...)}, {@code without (...)}). Helm template text in the expression is left as it is;
 * it never looks like a series or a label matcher.
 *
 * @param origin the file it comes from, for messages
 */
public record MonitoringQuery(String origin, String expression) {

    private static final Pattern SERIES = Pattern.compile("\\bzen_watcher_[a-zA-Z0-9_]+");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)\\s*\"");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");

    public Set<String> series() {
        return all(SERIES, 0);
    }

    public Set<String> labelNames() {
        Set<String> labels = all(MATCHER, 1);
        Matcher grouping = GROUPING.matcher(expression);
        while (grouping.find()) {
            for (String label : grouping.group(1).split(",")) {
                if (!label.isBlank()) {
                    labels.add(label.strip());
                }
            }
        }
        return labels;
    }

    private Set<String> all(Pattern pattern, int group) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(expression);
        while (matcher.find()) {
            found.add(matcher.group(group));
        }
        return found;
    }

    @Override
    public String toString() {
        return origin + ": " + expression;
    }
}
