package io.kubezen.watcher.source.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;
import io.kubezen.watcher.config.ConfigErrors;

import java.util.ArrayList;
import java.util.List;

/**
 * A title or description template such as {@code {{$.rule}} on {{$.host}}}: literal text with JSONPath
 * placeholders, parsed once. A placeholder that matches nothing renders empty.
 */
final class Template {

    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";

    /** Literal parts are Strings, placeholders JsonPaths, in order. */
    private final List<Object> parts;

    private Template(List<Object> parts) {
        this.parts = parts;
    }

    static Template compile(String template, String field, ConfigErrors errors) {
        List<Object> parts = new ArrayList<>();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf(OPEN, at);
            if (open < 0) {
                parts.add(template.substring(at));
                break;
            }
            int close = template.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                errors.add(field, "placeholder opened at offset " + open + " is not closed with '}}'");
                break;
            }
            parts.add(template.substring(at, open));
            JsonPath path = JsonPaths.compile(template.substring(open + OPEN.length(), close), field, errors);
            if (path != null) {
                parts.add(path);
            }
            at = close + CLOSE.length();
        }
        return new Template(List.copyOf(parts));
    }

    String render(JsonNode document) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof JsonPath path) {
                out.append(text(JsonPaths.read(path, document)));
            } else {
                out.append(part);
            }
        }
        return out.toString();
    }

    /** Scalars as their text; an indefinite path's matches joined with ", "; objects as compact JSON. */
    private static String text(JsonNode value) {
        if (value == null) {
            return "";
        }
        if (value.isArray()) {
            List<String> texts = new ArrayList<>();
            value.forEach(element -> texts.add(text(element)));
            return String.join(", ", texts);
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
