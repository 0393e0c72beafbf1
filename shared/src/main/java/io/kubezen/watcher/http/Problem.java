package io.kubezen.watcher.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem details body, sent as {@code application/problem+json} for every error the
 * apps answer. Members beyond the standard five say which source and which part of the request
 * was wrong, so a sender's operator can fix the request without reading our logs.
 *
 * @param type     a {@link ProblemType} identifier, or {@code about:blank} for plain HTTP errors
 * @param instance the request path
 * @param source   the webhook source the request was for, when known
 * @param field    the one request part at fault (a header name, a JSON path), when there is one
 * @param errors   several faults at once, for example from validating a body
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String source,
        String field,
        List<FieldError> errors) {

    public static final String ABOUT_BLANK = "about:blank";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public Problem withInstance(String newInstance) {
        return new Problem(type, title, status, detail, newInstance, source, field, errors);
    }

    /** The answer that carries this problem, with its status. */
    public MutableHttpResponse<Problem> response() {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(status))
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                .body(this);
    }

    /** One fault in a request part, for example {@code {"field": "$.output", "message": "is required"}}. */
    @Serdeable
    public record FieldError(String field, String message) {

        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }
}
