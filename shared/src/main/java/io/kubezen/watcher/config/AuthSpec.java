package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * How a webhook sender is authenticated. Only the block named by {@code mode} is used; the others may be
 * present (for example while switching modes) and are ignored.
 *
 * @param allowedCidrs      when set, requests from any other client address are refused, whatever the mode
 * @param trustedProxyCidrs peers whose {@code X-Forwarded-For} is believed when working out the client address;
 *                          from anyone else the header is ignored, so it cannot be used to slip past
 *                          {@code allowedCidrs}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthSpec(
        AuthMode mode,
        Bearer bearer,
        Basic basic,
        Hmac hmac,
        ClientCert clientCert,
        List<String> allowedCidrs,
        List<String> trustedProxyCidrs) {

    public static final AuthSpec NONE = new AuthSpec(AuthMode.NONE, null, null, null, null, null, null);

    public AuthSpec {
        allowedCidrs = allowedCidrs == null ? null : List.copyOf(allowedCidrs);
        trustedProxyCidrs = trustedProxyCidrs == null ? null : List.copyOf(trustedProxyCidrs);
    }

    /**
     * This spec with the secret reference of its mode's section replaced: the controller projects a verifier
     * or a file path in place of the Secret. Modes without a secret are returned as they are.
     */
    public AuthSpec withSecretRef(SecretKeyRef ref) {
        return switch (mode) {
            case BEARER -> new AuthSpec(mode, new Bearer(ref), basic, hmac, clientCert, allowedCidrs, trustedProxyCidrs);
            case BASIC -> new AuthSpec(mode, bearer, new Basic(basic.username(), ref), hmac, clientCert, allowedCidrs,
                    trustedProxyCidrs);
            case HMAC -> new AuthSpec(mode, bearer, basic, new Hmac(hmac.header(), hmac.prefix(), ref), clientCert,
                    allowedCidrs, trustedProxyCidrs);
            case NONE, CLIENT_CERT -> this;
        };
    }

    /** {@code Authorization: Bearer <token>}, compared with the Secret's value. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bearer(SecretKeyRef secretRef) {
    }

    /** {@code Authorization: Basic}, with a fixed user name and the password from the Secret. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Basic(String username, SecretKeyRef secretRef) {
    }

    /**
     * An HMAC-SHA256 of the raw request body, hex-encoded, in {@code header} after {@code prefix}. The
     * defaults are GitHub's convention, which most signing senders copy; set {@code prefix: ""} for none.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hmac(String header, String prefix, SecretKeyRef secretRef) {

        public static final String DEFAULT_HEADER = "X-Hub-Signature-256";
        public static final String DEFAULT_PREFIX = "sha256=";
    }

    /**
     * Mutual TLS: the TLS layer has already verified the chain; this names which subjects (RFC 2253 form,
     * for example {@code CN=kube-apiserver}) may send to this source.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClientCert(List<String> allowedSubjects) {

        public ClientCert {
            allowedSubjects = allowedSubjects == null ? null : List.copyOf(allowedSubjects);
        }
    }
}
