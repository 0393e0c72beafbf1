package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A failed request, answered as a {@code v1 Status} with the code, reason, message and details the real API server
 * uses, because clients branch on them (409 AlreadyExists vs Conflict, 410 Expired, 422 causes).
 */
final class ApiError extends RuntimeException {

    private final int code;
    private final String reason;
    private final ObjectNode details;

    private ApiError(int code, String reason, String message, ObjectNode details) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.details = details;
    }

    static ApiError notFound(ResourceType type, String name) {
        return new ApiError(404, "NotFound", type.groupResource() + " \"" + name + "\" not found",
                details(type, name));
    }

    static ApiError notFoundPath() {
        return new ApiError(404, "NotFound", "the server could not find the requested resource", Json.object());
    }

    static ApiError alreadyExists(ResourceType type, String name) {
        return new ApiError(409, "AlreadyExists", type.groupResource() + " \"" + name + "\" already exists",
                details(type, name));
    }

    static ApiError conflict(ResourceType type, String name, String why) {
        return new ApiError(409, "Conflict", "Operation cannot be fulfilled on " + type.groupResource() + " \""
                + name + "\": " + why, details(type, name));
    }

    static ApiError staleResourceVersion(ResourceType type, String name) {
        return conflict(type, name,
                "the object has been modified; please apply your changes to the latest version and try again");
    }

    static ApiError invalid(ResourceType type, String name, List<FieldError> errors) {
        ObjectNode details = Json.object().put("name", name).put("group", type.group()).put("kind", type.kind());
        ArrayNode causes = details.putArray("causes");
        errors.forEach(e -> causes.addObject()
                .put("reason", e.type().reason())
                .put("message", e.body())
                .put("field", e.field()));
        String all = errors.size() == 1 ? errors.get(0).message()
                : errors.stream().map(FieldError::message).collect(Collectors.joining(", ", "[", "]"));
        return new ApiError(422, "Invalid", type.qualifiedKind() + " \"" + name + "\" is invalid: " + all, details);
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "BadRequest", message, null);
    }

    static ApiError methodNotAllowed() {
        return new ApiError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource",
                Json.object());
    }

    static ApiError expired(String message) {
        return new ApiError(410, "Expired", message, null);
    }

    static ApiError unsupportedMediaType(String message) {
        return new ApiError(415, "UnsupportedMediaType", message, null);
    }

    /** A bare failure with the reason the server uses for the code, for injected faults and internal errors. */
    static ApiError ofCode(int code, String message) {
        String reason = switch (code) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            case 410 -> "Expired";
            case 422 -> "Invalid";
            case 429 -> "TooManyRequests";
            case 503 -> "ServiceUnavailable";
            case 504 -> "Timeout";
            default -> "InternalError";
        };
        return new ApiError(code, reason, message, null);
    }

    int code() {
        return code;
    }

    ObjectNode status() {
        ObjectNode status = Json.object().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", getMessage()).put("reason", reason);
        if (details != null) {
            status.set("details", details);
        }
        return status.put("code", code);
    }

    static ObjectNode success(ResourceType type, String name, String uid) {
        ObjectNode status = Json.object().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Success");
        status.set("details", details(type, name).put("uid", uid));
        return status;
    }

    private static ObjectNode details(ResourceType type, String name) {
        ObjectNode details = Json.object().put("name", name);
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        return details.put("kind", type.plural());
    }
}
