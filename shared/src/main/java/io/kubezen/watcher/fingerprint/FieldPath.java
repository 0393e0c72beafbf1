package io.kubezen.watcher.fingerprint;

import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.ResourceRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A path to a value of an Observation's spec, as used in {@code dedup.fingerprintFields}:
 * {@code eventType}, {@code resource.namespace}, {@code details.hostname},
 * {@code details.output_fields["proc.cmdline"]} (brackets for keys that contain dots). A leading
 * {@code spec.} is allowed, {@code rule} is short for {@code details.rule}, and {@code details} alone means
 * every detail except {@code raw}, the unprocessed payload with its timestamps.
 */
public record FieldPath(String root, List<String> keys) {

    /** Returned by {@link #resolve} when the Observation has no value at the path. */
    public static final Object ABSENT = new Object();

    private static final Set<String> SCALARS = Set.of(
            "source", "category", "severity", "eventType", "title", "description", "detectedAt", "rule");
    private static final Set<String> RESOURCE_KEYS = Set.of("apiVersion", "kind", "name", "namespace");

    /** Parses and checks a path; the error message says what is wrong with it. */
    public static FieldPath parse(String text) throws IllegalArgumentException {
        List<String> segments = segments(text == null ? "" : text.strip());
        if (segments.size() > 1 && segments.get(0).equals("spec")) {
            segments.remove(0);
        }
        String root = segments.get(0);
        List<String> keys = List.copyOf(segments.subList(1, segments.size()));
        if (SCALARS.contains(root) && !keys.isEmpty()) {
            throw new IllegalArgumentException("'" + root + "' is a single value and has no '" + keys.get(0) + "'");
        }
        if (root.equals("resource") && (keys.size() > 1 || (keys.size() == 1 && !RESOURCE_KEYS.contains(keys.get(0))))) {
            throw new IllegalArgumentException("resource has only apiVersion, kind, name and namespace");
        }
        if (!SCALARS.contains(root) && !root.equals("resource") && !root.equals("details")) {
            throw new IllegalArgumentException("unknown field '" + root + "', expected one of source, category, "
                    + "severity, eventType, title, description, detectedAt, rule, resource, details");
        }
        return new FieldPath(root, keys);
    }

    /**
     * The value at this path, or {@link #ABSENT}. Maps made here are sorted already, so that the canonical writer
     * does not copy them again to sort their keys.
     */
    public Object resolve(ObservationSpec spec) {
        if (root.equals("resource") && keys.size() == 1) {
            Object value = resourceField(spec.resource(), keys.get(0));
            return value == null ? ABSENT : value;
        }
        Object value = switch (root) {
            case "source" -> spec.source();
            case "category" -> spec.category().wireName();
            case "severity" -> spec.severity().wireName();
            case "eventType" -> spec.eventType();
            case "title" -> spec.title();
            case "description" -> spec.description();
            case "detectedAt" -> spec.detectedAt() == null ? null : spec.detectedAt().toString();
            case "rule" -> spec.details() == null ? null : spec.details().get("rule");
            case "resource" -> resource(spec.resource());
            default -> keys.isEmpty() ? withoutRaw(spec.details()) : spec.details();
        };
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            value = value instanceof Map<?, ?> map ? map.get(key) : element(value, key).orElse(null);
        }
        return value == null ? ABSENT : value;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(root);
        keys.forEach(key -> out.append(key.contains(".") ? "[\"" + key + "\"]" : "." + key));
        return out.toString();
    }

    private static String resourceField(ResourceRef ref, String key) {
        if (ref == null) {
            return null;
        }
        return switch (key) {
            case "apiVersion" -> ref.apiVersion();
            case "kind" -> ref.kind();
            case "name" -> ref.name();
            case "namespace" -> ref.namespace();
            default -> null;
        };
    }

    private static Map<String, Object> resource(ResourceRef ref) {
        if (ref == null) {
            return null;
        }
        Map<String, Object> map = new TreeMap<>();
        map.put("apiVersion", ref.apiVersion());
        map.put("kind", ref.kind());
        map.put("name", ref.name());
        map.put("namespace", ref.namespace());
        map.values().removeIf(Objects::isNull);
        return map;
    }

    private static Map<String, Object> withoutRaw(Map<String, Object> details) {
        if (details == null) {
            return null;
        }
        Map<String, Object> copy = new TreeMap<>(details);
        copy.remove("raw");
        return copy;
    }

    private static Optional<Object> element(Object value, String key) {
        if (!(value instanceof List<?> list) || key.isEmpty() || !key.chars().allMatch(Character::isDigit)
                || key.length() > 9) {
            return Optional.empty();
        }
        int index = Integer.parseInt(key);
        return index < list.size() ? Optional.ofNullable(list.get(index)) : Optional.empty();
    }

    /** Splits on dots outside brackets; {@code ["a.b"]} or {@code ['a.b']} is one key. */
    private static List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        int at = 0;
        boolean expectSegment = true;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '[') {
                int close = text.indexOf("]", at);
                String inner = close < 0 ? "" : text.substring(at + 1, close);
                if (inner.length() < 2 || (inner.charAt(0) != '"' && inner.charAt(0) != '\'')
                        || inner.charAt(inner.length() - 1) != inner.charAt(0)) {
                    throw new IllegalArgumentException("'" + text + "': write bracketed keys as [\"key\"]");
                }
                segments.add(inner.substring(1, inner.length() - 1));
                at = close + 1;
                expectSegment = false;
            } else if (c == '.') {
                if (expectSegment) {
                    throw new IllegalArgumentException("'" + text + "' has an empty segment");
                }
                at++;
                expectSegment = true;
            } else {
                if (!expectSegment) {
                    throw new IllegalArgumentException("'" + text + "' needs a '.' before '" + text.substring(at) + "'");
                }
                int end = at;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                segments.add(text.substring(at, end));
                at = end;
                expectSegment = false;
            }
        }
        if (segments.isEmpty() || expectSegment) {
            throw new IllegalArgumentException("'" + text + "' is not a field path");
        }
        return segments;
    }
}
