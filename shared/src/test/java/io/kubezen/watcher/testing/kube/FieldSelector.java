package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code fieldSelector}: {@code field=value}, {@code field==value} and {@code field!=value}, joined by
 * commas. Only the fields the resource type declares may be named, as on a real server
 * ({@code metadata.name} and {@code metadata.namespace} everywhere).
 */
record FieldSelector(List<Term> terms) {

    static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    private static final Pattern TERM = Pattern.compile("([^=!]+?)\\s*(==|=|!=)\\s*(.*)");

    record Term(String field, boolean equal, String value) {

        boolean matches(JsonNode object) {
            JsonNode node = object;
            for (String part : field.split("\\.")) {
                node = node.path(part);
            }
            String actual = node.isValueNode() ? node.asText() : "";
            return equal == actual.equals(value);
        }
    }

    static FieldSelector parse(String selector, ResourceType type) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Term> terms = new ArrayList<>();
        for (String part : selector.split(",")) {
            Matcher m = TERM.matcher(part.trim());
            if (!m.matches()) {
                throw ApiError.badRequest("invalid selector: '" + selector + "'; can't understand '" + part + "'");
            }
            String field = m.group(1).trim();
            if (!type.fieldLabels().contains(field)) {
                throw ApiError.badRequest("field label not supported: " + field);
            }
            terms.add(new Term(field, !"!=".equals(m.group(2)), m.group(3).trim()));
        }
        return new FieldSelector(List.copyOf(terms));
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    boolean matches(JsonNode object) {
        return terms.stream().allMatch(t -> t.matches(object));
    }
}
