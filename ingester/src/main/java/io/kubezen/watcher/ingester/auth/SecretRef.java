package io.kubezen.watcher.ingester.auth;

import java.util.Objects;

/**
 * Where a secret lives, never the secret itself unless it is {@link Kind#INLINE}. Configuration carries
 * references so that the projected configuration in Redis and every log line stay free of secrets.
 *
 * @param location the environment variable name, the file path, or (inline only) the value
 */
public record SecretRef(Kind kind, String location) {

    public enum Kind {
        /** An environment variable, typically filled from a Kubernetes Secret by {@code secretKeyRef}. */
        ENV,
        /** A file, typically a key of a mounted Kubernetes Secret. */
        FILE,
        /** The value itself: for development only, or for values that are not secret (verifiers). */
        INLINE
    }

    public SecretRef {
        Objects.requireNonNull(kind, "kind");
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("a " + kind.name().toLowerCase() + " secret reference needs a value");
        }
    }

    public static SecretRef env(String variable) {
        return new SecretRef(Kind.ENV, variable);
    }

    public static SecretRef file(String path) {
        return new SecretRef(Kind.FILE, path);
    }

    public static SecretRef inline(String value) {
        return new SecretRef(Kind.INLINE, value);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ENV -> "SecretRef[env=" + location + "]";
            case FILE -> "SecretRef[file=" + location + "]";
            case INLINE -> "SecretRef[inline=<redacted>]";
        };
    }
}
