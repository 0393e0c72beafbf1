package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where an auth section's secret comes from. Exactly one form is set, and which ones are allowed depends on
 * who reads it:
 * <ul>
 *   <li>an Ingester resource: {@code name} and {@code key}, one key of a Secret in the Ingester's own
 *       namespace. Only the controller reads the Secret;</li>
 *   <li>the controller's projection: what it puts in place of that Secret, so ingesters need no Kubernetes
 *       read access and Redis holds no credential: {@code sha256} (bearer-token digests, one per line, hex),
 *       {@code bcrypt} (a basic password's hash) or {@code file} (an HMAC key, at the ingesters' mount);</li>
 *   <li>an ingester's application configuration: {@code env}, {@code file} or {@code value} (inline, for
 *       development), and the two verifier forms.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretKeyRef(
        String name,
        String key,
        @NotInResource String env,
        @NotInResource String file,
        @NotInResource String value,
        @NotInResource String sha256,
        @NotInResource String bcrypt) {

    public SecretKeyRef(String name, String key) {
        this(name, key, null, null, null, null, null);
    }

    public static SecretKeyRef sha256(String digests) {
        return new SecretKeyRef(null, null, null, null, null, digests, null);
    }

    public static SecretKeyRef bcrypt(String hash) {
        return new SecretKeyRef(null, null, null, null, null, null, hash);
    }

    public static SecretKeyRef file(String path) {
        return new SecretKeyRef(null, null, null, path, null, null, null);
    }

    public static SecretKeyRef env(String variable) {
        return new SecretKeyRef(null, null, variable, null, null, null, null);
    }

    public static SecretKeyRef value(String value) {
        return new SecretKeyRef(null, null, null, null, value, null, null);
    }
}
