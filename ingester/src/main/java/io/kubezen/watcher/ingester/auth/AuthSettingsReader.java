package io.kubezen.watcher.ingester.auth;

import io.kubezen.watcher.config.AuthMode;
import io.kubezen.watcher.config.VerifierFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds {@link AuthSettings} from an Ingester's {@code webhook.auth} as parsed from YAML or JSON
 * (maps, lists and strings). Errors name the exact key, for the Ingester's status condition:
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
    private static final List<String> MODE_SECTIONS = List.of("bearer", "basic", "hmac", "clientCert");

    private AuthSettingsReader() {
    }

    /** @param auth the {@code webhook.auth} map, or null when the Ingester has none */
    public static AuthSettings read(Map<String, ?> auth) {
        String modeName = auth == null ? null : optionalString(auth, "mode", "mode");
        for (String section : MODE_SECTIONS) {
            // A section for another mode (or for none) is most likely a mode that was meant but not set.
            if (auth != null && auth.containsKey(section) && !section.equals(modeName)) {
                throw new IllegalArgumentException(PREFIX + section + " is set but " + PREFIX + "mode is "
                        + (modeName == null ? "not set" : "not " + section));
            }
        }
        if (modeName == null) {
            return AuthSettings.unconfigured().withNetworks(cidrs(auth, "allowedCidrs"), cidrs(auth, "trustedProxyCidrs"));
        }
        AuthMode mode = AuthMode.fromWire(modeName).orElseThrow(() -> new IllegalArgumentException(
                PREFIX + "mode: '" + modeName + "' is not one of " + AuthMode.wireNames()));
        AuthSettings settings = switch (mode) {
            case NONE -> AuthSettings.none();
            case BEARER -> AuthSettings.bearer(secretRef(section(auth, "bearer"), "bearer.secretRef"));
            case BASIC -> {
                Map<String, ?> basic = section(auth, "basic");
                yield AuthSettings.basic(string(basic, "username", "basic.username"),
                        secretRef(basic, "basic.secretRef"));
            }
            case HMAC -> {
                Map<String, ?> hmac = section(auth, "hmac");
                yield AuthSettings.hmac(new AuthSettings.Hmac(optionalString(hmac, "header", "hmac.header"),
                        optionalString(hmac, "prefix", "hmac.prefix"), secretRef(hmac, "hmac.secretRef")));
            }
            case CLIENT_CERT -> AuthSettings.clientCert(
                    strings(section(auth, "clientCert"), "allowedSubjects", "clientCert.allowedSubjects"));
        };
        return settings.withNetworks(cidrs(auth, "allowedCidrs"), cidrs(auth, "trustedProxyCidrs"));
    }

    private static SecretRef secretRef(Map<String, ?> parent, String key) {
        Object value = parent.get(key.substring(key.indexOf('.') + 1));
        if (!(value instanceof Map<?, ?> ref) || ref.size() != 1) {
            throw new IllegalArgumentException(PREFIX + key + " must be exactly one of {env: NAME}, "
                    + "{file: /path}, {value: ...}, {sha256: <hex>}, {bcrypt: <hash>}");
        }
        Map.Entry<?, ?> entry = ref.entrySet().iterator().next();
        String location = entry.getValue() == null ? null : entry.getValue().toString();
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException(PREFIX + key + "." + entry.getKey() + " is empty");
        }
        return switch (String.valueOf(entry.getKey())) {
            case "env" -> SecretRef.env(location);
            case "file" -> SecretRef.file(location);
            case "value" -> SecretRef.inline(location);
            case "sha256" -> SecretRef.inline(sha256Verifiers(location, key));
            case "bcrypt" -> SecretRef.inline(bcryptVerifier(location, key));
            default -> throw new IllegalArgumentException(PREFIX + key + ": unknown reference '" + entry.getKey()
                    + "', expected env, file, value, sha256 or bcrypt");
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
        if (!BasicAuthenticator.isBcryptHash(hash)) {
            throw new IllegalArgumentException(PREFIX + key + ".bcrypt must be a bcrypt hash ($2a$, $2b$ or $2y$)");
        }
        return hash;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> section(Map<String, ?> auth, String key) {
        Object value = auth.get(key);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(PREFIX + key + " is required when " + PREFIX + "mode is " + key);
        }
        return (Map<String, ?>) value;
    }

    private static String string(Map<String, ?> map, String name, String key) {
        String value = optionalString(map, name, key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(PREFIX + key + " is required");
        }
        return value;
    }

    private static String optionalString(Map<String, ?> map, String name, String key) {
        Object value = map.get(name);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(PREFIX + key + " must be a string");
        }
        return (String) value;
    }

    private static List<String> strings(Map<String, ?> map, String name, String key) {
        Object value = map == null ? null : map.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
            throw new IllegalArgumentException(PREFIX + key + " must be a list of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static List<Cidr> cidrs(Map<String, ?> auth, String name) {
        List<String> texts = strings(auth, name, name);
        List<Cidr> cidrs = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                cidrs.add(Cidr.parse(texts.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PREFIX + name + "[" + i + "]: " + e.getMessage(), e);
            }
        }
        return cidrs;
    }
}
