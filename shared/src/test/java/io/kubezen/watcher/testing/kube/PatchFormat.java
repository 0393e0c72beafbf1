package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * The patch content types the server accepts. Strategic merge patch is treated as a merge patch, which is what it
 * is for resources without merge-keyed lists (all the built-in kinds served here); for custom resources the real
 * server refuses it with 415, and so do we. Server-side apply is not supported.
 */
enum PatchFormat {
    MERGE,
    STRATEGIC_MERGE,
    JSON_PATCH;

    static PatchFormat of(String contentType, ResourceType type) {
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        switch (mediaType) {
            case "application/merge-patch+json":
                return MERGE;
            case "application/json-patch+json":
                return JSON_PATCH;
            case "application/strategic-merge-patch+json":
                if (!type.custom()) {
                    return STRATEGIC_MERGE;
                }
                break;
            case "application/apply-patch+yaml":
                throw ApiError.unsupportedMediaType("server-side apply is not supported by the test API server");
            default:
                break;
        }
        String accepted = "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"
                + (type.custom() ? "" : ", application/strategic-merge-patch+json");
        throw ApiError.unsupportedMediaType("the body of the request was in an unknown format - accepted media types "
                + "include: " + accepted);
    }

    JsonNode apply(JsonNode current, JsonNode patch) {
        return this == JSON_PATCH ? JsonPatch.apply(current, patch) : MergePatch.apply(current, patch);
    }
}
