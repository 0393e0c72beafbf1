package io.kubezen.watcher.http;

import io.kubezen.watcher.wiring.AdminProperties;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The admin APIs' credential in both apps: a bearer token, compared in constant time. Without a configured token
 * the admin APIs are closed, so a fresh install exposes no way to forget dedup records, replay entries or delete
 * Observations over HTTP.
 */
@Singleton
public final class AdminGuard {

    private static final String BEARER = "Bearer ";

    private final byte[] token;

    AdminGuard(AdminProperties properties) {
        this.token = properties.token() == null || properties.token().isBlank() ? null
                : properties.token().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws ProblemException 403 when the admin API is closed, 401 when the token is missing or wrong */
    public void check(HttpRequest<?> request) {
        if (token == null) {
            throw new Refusal(ProblemType.FORBIDDEN, "The admin API is disabled: set zen-watcher.admin.token "
                    + "(env ZEN_WATCHER_ADMIN_TOKEN) to enable it.", Map.of());
        }
        String authorization = request.getHeaders().getAuthorization().orElse("");
        byte[] presented = authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(token, presented)) {
            throw new Refusal(ProblemType.UNAUTHENTICATED, "Send the admin token as 'Authorization: Bearer <token>'.",
                    Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"admin\""));
        }
    }

    private static final class Refusal extends ProblemException {

        Refusal(ProblemType type, String detail, Map<String, String> headers) {
            super(type, detail, null, null, headers);
        }
    }
}
