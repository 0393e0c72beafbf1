package io.kubezen.watcher.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.IntPredicate;

/**
 * Shortens identifiers that are longer than the field that holds them. Cutting alone would make two long names
 * that share a beginning one name, and then one fingerprint, one dedup record and one Observation; so the cut
 * prefix is followed by a separator and a hash of the whole value: {@code <prefix><separator><8 hex>}.
 * Deterministic, so the same value always gets the same short form, in every process.
 */
final class ShortNames {

    /**
     * Hex characters of the SHA-256 kept: 32 bits. Two long values collide only if they also share their prefix,
     * and even then a collision becomes likely only among tens of thousands of such values.
     */
    static final int HASH_LENGTH = 8;

    private ShortNames() {
    }

    /**
     * @param maxLength     the field's limit in characters, more than {@link #HASH_LENGTH} + 1
     * @param separator     joins prefix and hash; a character the field allows
     * @param prefixEndsOk  whether the prefix may end with this character; the prefix is trimmed until it does
     * @return {@code value} itself when it fits, else its short form of at most {@code maxLength} characters
     */
    static String shorten(String value, int maxLength, char separator, IntPredicate prefixEndsOk) {
        if (value.length() <= maxLength) {
            return value;
        }
        int end = maxLength - HASH_LENGTH - 1;
        // Never keep half of a surrogate pair.
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        while (end > 0 && !prefixEndsOk.test(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + separator + hash(value);
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HASH_LENGTH / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
