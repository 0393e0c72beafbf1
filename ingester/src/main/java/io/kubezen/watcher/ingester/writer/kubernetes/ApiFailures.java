package io.kubezen.watcher.ingester.writer.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.openapi.ApiException;
import io.kubezen.watcher.ingester.writer.FailureReason;
import io.kubezen.watcher.ingester.writer.FieldCause;
import io.kubezen.watcher.ingester.writer.ObservationJson;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.ingester.writer.throttle.WriteThrottle;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a failed create into a typed result. The rule: retry what may succeed unchanged later (throttling,
 * server and network trouble, expired credentials), dead-letter what never will (the object or its
 * destination is wrong), so a bad entry cannot block the queue and a passing outage loses nothing.
 */
final class ApiFailures {

    private ApiFailures() {
    }

    /** {@link #classify}, and a 429 with Retry-After pauses the throttle for every writer of the process. */
    static WriteResult classify(String name, ApiException e, WriteThrottle throttle) {
        WriteResult result = classify(name, e);
        if (result.reason() == FailureReason.THROTTLED && result.retryAfter() != null) {
            throttle.pauseFor(result.retryAfter());
        }
        return result;
    }

    static WriteResult classify(String name, ApiException e) {
        int code = e.getCode();
        if (code == 0) {
            boolean timedOut = e.getCause() instanceof InterruptedIOException;
            return WriteResult.retryable(name, timedOut ? FailureReason.TIMEOUT : FailureReason.UNAVAILABLE,
                    "no answer from the API server: " + e.getMessage(), null);
        }
        JsonNode status = status(e.getResponseBody());
        String message = status.path("message").asText("HTTP " + code);
        return switch (code) {
            case 409 -> "AlreadyExists".equals(status.path("reason").asText())
                    ? WriteResult.alreadyExists(name)
                    : WriteResult.retryable(name, FailureReason.CONFLICT, message, null);
            case 400, 413, 422 -> WriteResult.permanent(name, FailureReason.INVALID, message, causes(status));
            case 401 -> WriteResult.retryable(name, FailureReason.UNAUTHORIZED, message, null);
            case 403 -> WriteResult.permanent(name, FailureReason.FORBIDDEN, message, List.of());
            case 404 -> WriteResult.permanent(name, FailureReason.NOT_FOUND, message, List.of());
            case 429 -> WriteResult.retryable(name, FailureReason.THROTTLED, message, retryAfter(e, status));
            case 504 -> WriteResult.retryable(name, FailureReason.TIMEOUT, message, retryAfter(e, status));
            default -> code >= 500
                    ? WriteResult.retryable(name, FailureReason.SERVER_ERROR, message, retryAfter(e, status))
                    : WriteResult.permanent(name, FailureReason.REJECTED, message, List.of());
        };
    }

    private static JsonNode status(String body) {
        if (body == null || body.isBlank()) {
            return ObservationJson.MAPPER.missingNode();
        }
        try {
            return ObservationJson.MAPPER.readTree(body);
        } catch (IOException notJson) {
            // A proxy in front of the API server may answer with HTML; the status code still classifies it.
            return ObservationJson.MAPPER.missingNode();
        }
    }

    private static List<FieldCause> causes(JsonNode status) {
        List<FieldCause> causes = new ArrayList<>();
        for (JsonNode cause : status.path("details").path("causes")) {
            causes.add(new FieldCause(cause.path("field").asText(""), cause.path("reason").asText(""),
                    cause.path("message").asText("")));
        }
        return causes;
    }

    /** The Retry-After header in seconds, else the Status's retryAfterSeconds, else null. */
    private static Duration retryAfter(ApiException e, JsonNode status) {
        Map<String, List<String>> headers = e.getResponseHeaders();
        if (headers != null) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if ("Retry-After".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
                    try {
                        return Duration.ofSeconds(Long.parseLong(header.getValue().get(0).trim()));
                    } catch (NumberFormatException httpDate) {
                        break;
                    }
                }
            }
        }
        long seconds = status.path("details").path("retryAfterSeconds").asLong(0);
        return seconds > 0 ? Duration.ofSeconds(seconds) : null;
    }
}
