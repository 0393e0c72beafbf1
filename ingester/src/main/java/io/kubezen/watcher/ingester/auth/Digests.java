package io.kubezen.watcher.ingester.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Credential comparison in constant time. Secrets are compared as SHA-256 digests, so both sides always
 * have the same length and {@link MessageDigest#isEqual} takes the same time wherever they differ:
 * a sender cannot learn a token byte by byte from response times.
 */
final class Digests {

    private Digests() {
    }

    static byte[] sha256(String value) {
        return sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    static boolean equal(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }
}
