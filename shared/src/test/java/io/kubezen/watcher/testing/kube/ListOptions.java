package io.kubezen.watcher.testing.kube;

import java.util.Map;

/**
 * The query parameters of a list or watch request.
 *
 * @param resourceVersion the {@code resourceVersion} parameter as given; empty when absent
 * @param timeoutSeconds  null when absent
 */
record ListOptions(
        LabelSelector labels,
        FieldSelector fields,
        int limit,
        String continueToken,
        String resourceVersion,
        boolean watch,
        Integer timeoutSeconds,
        boolean allowWatchBookmarks,
        boolean sendInitialEvents) {

    static ListOptions from(Map<String, String> query, ResourceType type) {
        return new ListOptions(
                LabelSelector.parse(query.get("labelSelector")),
                FieldSelector.parse(query.get("fieldSelector"), type),
                number(query, "limit", 0),
                query.getOrDefault("continue", ""),
                query.getOrDefault("resourceVersion", ""),
                flag(query, "watch"),
                query.containsKey("timeoutSeconds") ? number(query, "timeoutSeconds", 0) : null,
                flag(query, "allowWatchBookmarks"),
                flag(query, "sendInitialEvents"));
    }

    WatchFilter filter(ResourceType type, String namespace) {
        return new WatchFilter(type, namespace, labels, fields);
    }

    boolean hasSelectors() {
        return !labels.isEmpty() || !fields.isEmpty();
    }

    /** A watch from a version replays history; {@code ""} and {@code "0"} start with the current state instead. */
    Long watchFromVersion() {
        if (sendInitialEvents || resourceVersion.isEmpty() || "0".equals(resourceVersion)) {
            return null;
        }
        return parseVersion(resourceVersion);
    }

    private static long parseVersion(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("resourceVersion: Invalid value: \"" + version + "\": must be a number");
        }
    }

    private static boolean flag(Map<String, String> query, String name) {
        String value = query.get(name);
        return "true".equals(value) || "1".equals(value);
    }

    private static int number(Map<String, String> query, String name, int fallback) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + ": Invalid value: \"" + value + "\": must be a number");
        }
    }
}
