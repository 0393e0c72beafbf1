package io.kubezen.watcher.testing.kube;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * An answer the server gives instead of serving matching requests, for reliability tests:
 * {@code server.inject(Fault.status(429).on("POST", "/apis/.+/observations").retryAfter(Duration.ofSeconds(1)).times(3))}.
 * The body is a {@code v1 Status} with the reason the real server uses for that code.
 *
 * @param method     HTTP method to match, or null for any
 * @param path       regular expression the whole request path (without the query) must match
 * @param retryAfter sent as {@code Retry-After} (whole seconds) when not null
 * @param times      how many matching requests get this answer
 */
public record Fault(String method, Pattern path, int status, Duration retryAfter, int times) {

    public Fault {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault answers with an error status, not " + status);
        }
        if (times < 1) {
            throw new IllegalArgumentException("a fault must apply at least once");
        }
    }

    /** Any method, any path, once. */
    public static Fault status(int status) {
        return new Fault(null, Pattern.compile(".*"), status, null, 1);
    }

    public Fault on(String httpMethod, String pathRegex) {
        return new Fault(httpMethod, Pattern.compile(pathRegex), status, retryAfter, times);
    }

    public Fault retryAfter(Duration delay) {
        return new Fault(method, path, status, delay, times);
    }

    public Fault times(int count) {
        return new Fault(method, path, status, retryAfter, count);
    }

    boolean matches(String requestMethod, String requestPath) {
        return (method == null || method.equalsIgnoreCase(requestMethod)) && path.matcher(requestPath).matches();
    }
}
