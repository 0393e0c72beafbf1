package io.kubezen.watcher.ingester.auth;

import io.kubezen.watcher.config.AuthMode;
import io.kubezen.watcher.config.AuthSpec;
import io.kubezen.watcher.config.SecretKeyRef;
import io.kubezen.watcher.config.VerifierFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Builds {@link AuthSettings} from an Ingester's {@code webhook.auth}, whether it came from the application's
 * configuration or from the controller's projection. Errors name the exact key, for the Ingester's status
 * condition:
 *
 * <pre>
 * webhook:
 *   auth:
 *     mode: hmac                      # none | bearer | basic | hmac | clientCert
 *     hmac:
 *       header: X-Hub-Signature-256   # default
 *       prefix: "sha256="             # default
 *       secretRef: {file: /etc/zen-watcher/secrets/github/key}   # or {env: NAME} or {value: ...}
 *     # bearer and basic also take verifiers, as the controller projects them: {sha256: <hex>}, {bcrypt: <hash>}
 *     allowedCidrs: [10.0.0.0/8, fd00::/8]
 *     trustedProxyCidrs: [10.96.0.0/12]
 * </pre>
 */
public final class AuthSettingsReader {

    private static final String PREFIX = "webhook.auth.";

    private AuthSettingsReader() {
    }

    /** @param auth the spec's {@code webhook.auth}, or null when it has none */
    public static AuthSettings read(AuthSpec auth) {
        if (auth == null) {
            return AuthSettings.unconfigured();
        }
        AuthMode mode = auth.mode();
        sections(auth).forEach((section, value) -> {
            // A section for another mode (or for none) is most likely a mode that was meant but not set.
            if (value != null && mode != section) {
                throw new IllegalArgumentException(PREFIX + section.wireName() + " is set but " + PREFIX + "mode is "
                        + (mode == null ? "not set" : "not " + section.wireName()));
            }
        });
        AuthSettings settings = mode == null ? AuthSettings.unconfigured() : switch (mode) {
            case NONE -> AuthSettings.none();
            case BEARER -> AuthSettings.bearer(secretRef(section(auth.bearer(), mode).secretRef(), "bearer.secretRef"));
            case BASIC -> {
                AuthSpec.Basic basic = section(auth.basic(), mode);
                if (basic.username() == null || basic.username().isBlank()) {
                    throw new IllegalArgumentException(PREFIX + "basic.username is required");
                }
                yield AuthSettings.basic(basic.username(), secretRef(basic.secretRef(), "basic.secretRef"));
            }
            case HMAC -> {
                AuthSpec.Hmac hmac = section(auth.hmac(), mode);
                yield AuthSettings.hmac(new AuthSettings.Hmac(hmac.header(), hmac.prefix(),
                        secretRef(hmac.secretRef(), "hmac.secretRef")));
            }
            case CLIENT_CERT -> AuthSettings.clientCert(section(auth.clientCert(), mode).allowedSubjects());
        };
        return settings.withNetworks(cidrs(auth.allowedCidrs(), "allowedCidrs"),
                cidrs(auth.trustedProxyCidrs(), "trustedProxyCidrs"));
    }

    private static Map<AuthMode, Object> sections(AuthSpec auth) {
        Map<AuthMode, Object> sections = new LinkedHashMap<>();
        sections.put(AuthMode.BEARER, auth.bearer());
        sections.put(AuthMode.BASIC, auth.basic());
        sections.put(AuthMode.HMAC, auth.hmac());
        sections.put(AuthMode.CLIENT_CERT, auth.clientCert());
        return sections;
    }

    private static <T> T section(T section, AuthMode mode) {
        if (section == null) {
            throw new IllegalArgumentException(PREFIX + mode.wireName() + " is required when " + PREFIX + "mode is "
                    + mode.wireName());
        }
        return section;
    }

    /** The Secret's {@code name} and {@code key} are the controller's to read; here only the other forms do. */
    private static SecretRef secretRef(SecretKeyRef ref, String key) {
        Map<String, String> forms = new LinkedHashMap<>();
        if (ref != null) {
            forms.put("name", ref.name());
            forms.put("key", ref.key());
            forms.put("env", ref.env());
            forms.put("file", ref.file());
            forms.put("value", ref.value());
            forms.put("sha256", ref.sha256());
            forms.put("bcrypt", ref.bcrypt());
            forms.values().removeIf(Objects::isNull);
        }
        if (forms.size() != 1 || forms.containsKey("name") || forms.containsKey("key")) {
            throw new IllegalArgumentException(PREFIX + key + " must be exactly one of {env: NAME}, "
                    + "{file: /path}, {value: ...}, {sha256: <hex>}, {bcrypt: <hash>}");
        }
        Map.Entry<String, String> form = forms.entrySet().iterator().next();
        if (form.getValue().isBlank()) {
            throw new IllegalArgumentException(PREFIX + key + "." + form.getKey() + " is empty");
        }
        return switch (form.getKey()) {
            case "env" -> SecretRef.env(form.getValue());
            case "file" -> SecretRef.file(form.getValue());
            case "value" -> SecretRef.inline(form.getValue());
            case "sha256" -> SecretRef.inline(sha256Verifiers(form.getValue(), key));
            default -> SecretRef.inline(bcryptVerifier(form.getValue(), key));
        };
    }

    /**
     * Verifiers are what the controller projects instead of a Secret's value: they can check a credential
     * but not produce one, so they may sit in Redis. Bearer tokens: one SHA-256 per line, hex.
     */
    private static String sha256Verifiers(String digests, String key) {
        List<String> lines = digests.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty() || !lines.stream().allMatch(VerifierFormat::isSha256Hex)) {
            throw new IllegalArgumentException(PREFIX + key + ".sha256 must be SHA-256 digests, 64 hex digits a line");
        }
        return lines.stream().map(line -> VerifierFormat.SHA256_PREFIX + line).collect(Collectors.joining("\n"));
    }

    private static String bcryptVerifier(String hash, String key) {
        if (!VerifierFormat.isBcryptHash(hash)) {
            throw new IllegalArgumentException(PREFIX + key + ".bcrypt must be a bcrypt hash ($2a$, $2b$ or $2y$)");
        }
        return hash;
    }

    private static List<Cidr> cidrs(List<String> texts, String name) {
        List<Cidr> cidrs = new ArrayList<>();
        for (int i = 0; texts != null && i < texts.size(); i++) {
            try {
                cidrs.add(Cidr.parse(texts.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PREFIX + name + "[" + i + "]: " + e.getMessage(), e);
            }
        }
        return cidrs;
    }
}
