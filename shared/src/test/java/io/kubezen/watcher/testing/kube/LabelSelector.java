package io.kubezen.watcher.testing.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code labelSelector}: {@code k=v}, {@code k==v}, {@code k!=v}, {@code k in (a,b)},
 * {@code k notin (a,b)}, {@code k} and {@code !k}, joined by commas (all must hold). As in Kubernetes,
 * {@code !=} and {@code notin} also match objects that lack the label.
 */
record LabelSelector(List<Requirement> requirements) {

    static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    private static final Pattern SET = Pattern.compile("(\\S+)\\s+(in|notin)\\s*\\((.*)\\)");
    private static final Pattern EQUALITY = Pattern.compile("([^=!\\s]+)\\s*(==|=|!=)\\s*(\\S*)");
    private static final Pattern KEY = Pattern.compile("!?[A-Za-z0-9][-A-Za-z0-9_./]*");

    enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

    record Requirement(String key, Operator operator, Set<String> values) {

        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case EQUALS, IN -> value != null && values.contains(value);
                case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
                case EXISTS -> value != null;
                case DOES_NOT_EXIST -> value == null;
            };
        }
    }

    static LabelSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> requirements = new ArrayList<>();
        for (String part : splitTopLevel(selector)) {
            requirements.add(requirement(part.trim(), selector));
        }
        return new LabelSelector(List.copyOf(requirements));
    }

    boolean isEmpty() {
        return requirements.isEmpty();
    }

    boolean matches(Map<String, String> labels) {
        return requirements.stream().allMatch(r -> r.matches(labels));
    }

    private static Requirement requirement(String part, String selector) {
        Matcher set = SET.matcher(part);
        if (set.matches()) {
            Operator op = "in".equals(set.group(2)) ? Operator.IN : Operator.NOT_IN;
            Set<String> values = Set.copyOf(List.of(set.group(3).trim().split("\\s*,\\s*")));
            return new Requirement(set.group(1), op, values);
        }
        Matcher equality = EQUALITY.matcher(part);
        if (equality.matches()) {
            Operator op = "!=".equals(equality.group(2)) ? Operator.NOT_EQUALS : Operator.EQUALS;
            return new Requirement(equality.group(1), op, Set.of(equality.group(3)));
        }
        if (KEY.matcher(part).matches()) {
            return part.startsWith("!")
                    ? new Requirement(part.substring(1), Operator.DOES_NOT_EXIST, Set.of())
                    : new Requirement(part, Operator.EXISTS, Set.of());
        }
        throw ApiError.badRequest("unable to parse requirement: found '" + part + "' in label selector \""
                + selector + "\"");
    }

    /** Splits on commas that are not inside the parentheses of an {@code in}/{@code notin} set. */
    private static List<String> splitTopLevel(String selector) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw ApiError.badRequest("unable to parse requirement: unbalanced parentheses in \"" + selector + "\"");
        }
        parts.add(selector.substring(start));
        return parts;
    }
}
