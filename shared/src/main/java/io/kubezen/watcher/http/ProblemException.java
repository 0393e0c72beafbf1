package io.kubezen.watcher.http;

import io.micronaut.http.MutableHttpResponse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A refusal of one request, with everything the HTTP layer needs to answer it: the problem type
 * (hence the status), a detail that says what to change, the source, and response headers such as
 * {@code WWW-Authenticate} or {@code Retry-After}. Senders can provoke these at will, so they carry no
 * stack trace: a flood of bad requests must not cost a stack walk each.
 */
public abstract class ProblemException extends RuntimeException {

    public static final String RETRY_AFTER = "Retry-After";

    private final ProblemType type;
    private final String source;
    private final String field;
    private final Map<String, String> headers;

    protected ProblemException(ProblemType type, String detail, String source, String field,
                               Map<String, String> headers) {
        this(type, detail, source, field, headers, null);
    }

    /** @param cause what failed underneath, for the log; never shown to the sender */
    protected ProblemException(ProblemType type, String detail, String source, String field,
                               Map<String, String> headers, Throwable cause) {
        super(detail, cause, false, false);
        this.type = type;
        this.source = source;
        this.field = field;
        this.headers = Map.copyOf(headers);
    }

    public ProblemType type() {
        return type;
    }

    public int status() {
        return type.status();
    }

    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** Response headers to send with the problem, for example {@code Retry-After: 3}. */
    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem() {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), null, source, field, List.of());
    }

    /** @param instance the request path, or null */
    public MutableHttpResponse<Problem> response(String instance) {
        MutableHttpResponse<Problem> response = toProblem().withInstance(instance).response();
        headers.forEach(response::header);
        return response;
    }

    /**
     * {@code Retry-After} in whole seconds, rounded up and at least 1: a sender that waits the
     * truncated value would be refused again, and {@code 0} invites an immediate retry storm.
     */
    protected static Map<String, String> retryAfter(Duration wait) {
        long millis = Math.max(0, wait.toMillis());
        long seconds = Math.max(1, (millis + 999) / 1000);
        return Map.of(RETRY_AFTER, Long.toString(seconds));
    }
}
