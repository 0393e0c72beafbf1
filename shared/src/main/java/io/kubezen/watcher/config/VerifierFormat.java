package io.kubezen.watcher.config;

import java.util.regex.Pattern;

/**
 * The written form of a verifier: what the controller projects in place of a credential, which can check it
 * but not reproduce it. The controller writes these forms and the ingester reads them, so both use this class.
 */
public final class VerifierFormat {

    /** Marks a bearer-token line that is the token's SHA-256 (64 hex digits after it), not the token. */
    public static final String SHA256_PREFIX = "sha256:";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");

    private VerifierFormat() {
    }

    /** A SHA-256 digest as hex, without the prefix. */
    public static boolean isSha256Hex(String text) {
        return SHA256_HEX.matcher(text).matches();
    }

    /** A {@code sha256:<hex>} token line. */
    public static boolean isSha256Line(String line) {
        return line.startsWith(SHA256_PREFIX) && isSha256Hex(line.substring(SHA256_PREFIX.length()));
    }

    /** A bcrypt hash in the {@code $2a$}, {@code $2b$} or {@code $2y$} form. */
    public static boolean isBcryptHash(String text) {
        return BCRYPT_HASH.matcher(text).matches();
    }
}
