package io.kubezen.watcher.http;

import io.micronaut.http.MutableHttpResponse;

import java.util.List;
import java.util.Locale;

/**
 * The problems both apps report about a request they refuse. Each has a stable type identifier (a
 * tag URI: it names the problem, it is not a link) so that senders and dashboards can tell problems
 * apart without parsing the detail text. docs/security.md explains each one.
 */
public enum ProblemType {
    INVALID_REQUEST(400, "Invalid request"),
    UNAUTHENTICATED(401, "Authentication required"),
    AUTH_NOT_CONFIGURED(401, "Source has no authentication configured"),
    FORBIDDEN(403, "Not allowed"),
    UNKNOWN_SOURCE(404, "Unknown source"),
    NOT_FOUND(404, "Not found"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    INVALID_PAYLOAD(422, "Payload not valid for the source type"),
    RATE_LIMITED(429, "Rate limit exceeded"),
    UNAVAILABLE(503, "Temporarily unavailable");

    public static final String TYPE_PREFIX = "tag:kube-zen.io,2025:zen-watcher/problem/";

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** For example {@code tag:kube-zen.io,2025:zen-watcher/problem/payload-too-large}. */
    public String uri() {
        return TYPE_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** An answer of this problem whose detail says what to change. */
    public MutableHttpResponse<Problem> response(String detail) {
        return new Problem(uri(), title, status, detail, null, null, null, List.of()).response();
    }
}
