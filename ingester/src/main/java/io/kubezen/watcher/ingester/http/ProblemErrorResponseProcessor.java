package io.kubezen.watcher.ingester.http;

import io.kubezen.watcher.http.Problem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Makes the errors Micronaut and Netty produce themselves (unknown route, wrong method, unsupported
 * content type, request larger than {@code micronaut.server.max-request-size}, unexpected exceptions)
 * problem+json too, so a sender always gets the same error shape. It replaces Micronaut's default
 * processor, which would answer an HTML page to a browser-like {@code Accept}. The receive path's own
 * refusals never get here: {@link ProblemExceptionHandler} answers those.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        if (request.getMethod() == HttpMethod.HEAD) {
            // A HEAD response has no body; the status line says it all.
            return (MutableHttpResponse<Problem>) response;
        }
        HttpStatus status = response.status();
        Problem problem = new Problem(Problem.ABOUT_BLANK, status.getReason(), status.getCode(),
                detail(context, status), request.getPath(), null, null, null);
        return response.contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE).body(problem);
    }

    private static String detail(ErrorContext context, HttpStatus status) {
        if (status.getCode() >= 500) {
            // Server-side failures may carry internals (hosts, class names); those belong in our log.
            return "The ingester failed to handle the request; the cause is in the ingester log.";
        }
        if (status == HttpStatus.NOT_FOUND) {
            HttpRequest<?> request = context.getRequest();
            return "No route matches " + request.getMethodName() + " " + request.getPath()
                    + "; webhooks are received at POST /ingest/{source}.";
        }
        List<Error> errors = context.getErrors();
        if (errors.isEmpty()) {
            return status.getReason();
        }
        return errors.stream().map(Error::getMessage).collect(Collectors.joining("; "));
    }
}
