package io.kubezen.watcher.ingester.writer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Deterministic Observation names: {@code <source>-<hash>}, where the hash covers the fingerprint and the
 * first-seen time of the dedup record. Every redelivery of a queue entry therefore carries the same name
 * and meets AlreadyExists, while the same event after its dedup window expired gets a new record, a new
 * first-seen time and so a new Observation.
 *
 * <p>Names are valid DNS-1123 labels (at most 63 lowercase alphanumerics and dashes), which also makes them
 * valid subdomains. The source prefix is for people reading {@code kubectl get obs}; uniqueness comes from
 * the 64-bit hash alone.
 */
public final class ObservationNames {

    static final int MAX_PREFIX_LENGTH = 40;
    static final int HASH_HEX_LENGTH = 16;
    private static final String FALLBACK_PREFIX = "obs";

    private ObservationNames() {
    }

    public static String of(String source, String fingerprint, Instant firstSeen) {
        String key = fingerprint + "|" + firstSeen.toEpochMilli();
        return prefix(source) + "-" + HexFormat.of().formatHex(sha256(key), 0, HASH_HEX_LENGTH / 2);
    }

    private static String prefix(String source) {
        String cleaned = (source == null ? "" : source.toLowerCase(Locale.ROOT))
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+", "");
        if (cleaned.length() > MAX_PREFIX_LENGTH) {
            cleaned = cleaned.substring(0, MAX_PREFIX_LENGTH);
        }
        cleaned = cleaned.replaceAll("-+$", "");
        return cleaned.isEmpty() ? FALLBACK_PREFIX : cleaned;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
