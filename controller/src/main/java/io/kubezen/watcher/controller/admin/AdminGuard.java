package io.kubezen.watcher.controller.admin;

import io.kubezen.watcher.controller.wiring.AdminProperties;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The admin API's credential: a bearer token, compared in constant time. Without a configured token the admin
 * API is closed, so a fresh install exposes no way to delete Observations over HTTP.
 */
@Singleton
final class AdminGuard {

    private static final String BEARER = "Bearer ";

    private final byte[] token;

    AdminGuard(AdminProperties properties) {
        this.token = properties.token() == null || properties.token().isBlank() ? null
                : properties.token().getBytes(StandardCharsets.UTF_8);
    }

    /** The problem to answer instead of serving {@code request}, or empty when it may proceed. */
    Optional<MutableHttpResponse<Problem>> refusal(HttpRequest<?> request) {
        if (token == null) {
            return Optional.of(Problem.Type.FORBIDDEN.response("The admin API is disabled: set zen-watcher.admin.token "
                    + "(env ZEN_WATCHER_ADMIN_TOKEN) to enable it."));
        }
        String authorization = request.getHeaders().getAuthorization().orElse("");
        byte[] presented = authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(token, presented)) {
            return Optional.of(Problem.Type.UNAUTHENTICATED.response("Send the admin token as "
                    + "'Authorization: Bearer <token>'.").header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"admin\""));
        }
        return Optional.empty();
    }
}
