package io.kubezen.watcher.testing.kube;

import java.time.Instant;
import java.util.Optional;

/**
 * One request as the test API server received it. The server authenticates nobody, but it keeps the bearer token,
 * so a test that gives each client its own token can tell which client sent what.
 *
 * @param bearerToken the token of an {@code Authorization: Bearer} header; empty without one
 */
public record RecordedRequest(Instant at, String method, String path, Optional<String> bearerToken) {

    private static final String BEARER = "Bearer ";

    static Optional<String> bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(BEARER.length()).trim());
    }
}
