package io.kubezen.watcher.ingester.auth;

import io.kubezen.watcher.config.AuthMode;
import io.kubezen.watcher.config.AuthSpec;

import java.util.List;
import java.util.Objects;

/**
 * How one webhook source authenticates senders: the Ingester's {@code webhook.auth}, validated. Only
 * the settings of the chosen mode are present; the others are null. Secrets appear only as
 * {@link SecretRef}s, so {@code toString()} never shows one.
 *
 * @param mode              null when the source names none: it then refuses every request
 * @param allowedCidrs      when not empty, only clients in these networks may send (403 otherwise)
 * @param trustedProxyCidrs proxies whose {@code X-Forwarded-For} is believed when finding the client
 */
public record AuthSettings(
        AuthMode mode,
        Bearer bearer,
        Basic basic,
        Hmac hmac,
        ClientCert clientCert,
        List<Cidr> allowedCidrs,
        List<Cidr> trustedProxyCidrs) {

    public AuthSettings {
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
        trustedProxyCidrs = trustedProxyCidrs == null ? List.of() : List.copyOf(trustedProxyCidrs);
        require(mode == AuthMode.BEARER, bearer, "bearer");
        require(mode == AuthMode.BASIC, basic, "basic");
        require(mode == AuthMode.HMAC, hmac, "hmac");
        require(mode == AuthMode.CLIENT_CERT, clientCert, "clientCert");
    }

    public static AuthSettings unconfigured() {
        return new AuthSettings(null, null, null, null, null, null, null);
    }

    public static AuthSettings none() {
        return new AuthSettings(AuthMode.NONE, null, null, null, null, null, null);
    }

    public static AuthSettings bearer(SecretRef tokens) {
        return new AuthSettings(AuthMode.BEARER, new Bearer(tokens), null, null, null, null, null);
    }

    public static AuthSettings basic(String username, SecretRef password) {
        return new AuthSettings(AuthMode.BASIC, null, new Basic(username, password), null, null, null, null);
    }

    public static AuthSettings hmac(Hmac hmac) {
        return new AuthSettings(AuthMode.HMAC, null, null, hmac, null, null, null);
    }

    public static AuthSettings clientCert(List<String> allowedSubjects) {
        return new AuthSettings(AuthMode.CLIENT_CERT, null, null, null, new ClientCert(allowedSubjects), null, null);
    }

    public AuthSettings withNetworks(List<Cidr> allowed, List<Cidr> trustedProxies) {
        return new AuthSettings(mode, bearer, basic, hmac, clientCert, allowed, trustedProxies);
    }

    private static void require(boolean selected, Object settings, String key) {
        if (selected && settings == null) {
            throw new IllegalArgumentException("webhook.auth." + key + " is required when webhook.auth.mode is " + key);
        }
        if (!selected && settings != null) {
            throw new IllegalArgumentException("webhook.auth." + key + " is set but webhook.auth.mode is not " + key);
        }
    }

    /**
     * @param secretRef one token per line (several allow rotation); a line may also be a verifier
     *                  {@code sha256:<hex>}, the SHA-256 of a token, so the token itself need not be stored
     */
    public record Bearer(SecretRef secretRef) {

        public Bearer {
            Objects.requireNonNull(secretRef, "webhook.auth.bearer.secretRef is required");
        }
    }

    /** @param secretRef the password, plain or as a bcrypt hash ({@code $2a$}, {@code $2b$}, {@code $2y$}) */
    public record Basic(String username, SecretRef secretRef) {

        public Basic {
            if (username == null || username.isEmpty() || username.indexOf(':') >= 0) {
                throw new IllegalArgumentException("webhook.auth.basic.username is required and may not contain ':'");
            }
            Objects.requireNonNull(secretRef, "webhook.auth.basic.secretRef is required");
        }
    }

    /**
     * @param header    the request header carrying the signature
     * @param prefix    what precedes the hex or base64 signature in that header; may be empty
     * @param secretRef the shared HMAC key
     */
    public record Hmac(String header, String prefix, SecretRef secretRef) {

        public Hmac {
            header = header == null || header.isBlank() ? AuthSpec.Hmac.DEFAULT_HEADER : header.trim();
            prefix = prefix == null ? AuthSpec.Hmac.DEFAULT_PREFIX : prefix;
            Objects.requireNonNull(secretRef, "webhook.auth.hmac.secretRef is required");
        }

        public static Hmac withDefaults(SecretRef secretRef) {
            return new Hmac(AuthSpec.Hmac.DEFAULT_HEADER, AuthSpec.Hmac.DEFAULT_PREFIX, secretRef);
        }
    }

    /**
     * @param allowedSubjects each either a full subject DN ({@code CN=falco,O=security}), compared in
     *                        canonical form, or a bare common name ({@code falcosidekick})
     */
    public record ClientCert(List<String> allowedSubjects) {

        public ClientCert {
            if (allowedSubjects == null || allowedSubjects.isEmpty()) {
                throw new IllegalArgumentException("webhook.auth.clientCert.allowedSubjects needs at least one subject");
            }
            allowedSubjects = List.copyOf(allowedSubjects);
        }
    }
}
