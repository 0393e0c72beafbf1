package io.kubezen.watcher.ingester.http;

import io.kubezen.watcher.http.Problem;
import io.kubezen.watcher.http.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers every refusal the receive path throws (auth, limits, rate limit, unavailable store) with its
 * status, its headers and a problem+json body.
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON_PROBLEM)
final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        return exception.response(request.getPath());
    }
}
