package io.kubezen.watcher.controller.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** An RFC 9457 problem details body, with the type identifiers and titles the ingester uses for the same problems. */
@Serdeable
public record Problem(String type, String title, int status, String detail) {

    /** The problems the admin API reports; a subset of the ingester's, named alike. */
    enum Type {
        INVALID_REQUEST(HttpStatus.BAD_REQUEST, "Invalid request"),
        UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
        FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed"),
        UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable");

        private final HttpStatus status;
        private final String title;

        Type(HttpStatus status, String title) {
            this.status = status;
            this.title = title;
        }

        MutableHttpResponse<Problem> response(String detail) {
            String uri = "tag:kube-zen.io,2025:zen-watcher/problem/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
            return HttpResponse.<Problem>status(status)
                    .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                    .body(new Problem(uri, title, status.getCode(), detail));
        }
    }
}
