package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Per-source request limits of a webhook. Absent values take the defaults below; an absent
 * {@code ratePerSecond} means no rate limit, because the queue, not the receiver, absorbs bursts.
 *
 * @param maxDecompressedBytes cap on a gzip body after inflating it, against decompression bombs
 * @param maxNestingDepth      deepest JSON nesting accepted, against stack-exhausting payloads
 * @param burst                requests allowed at once above the steady {@code ratePerSecond}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LimitsSpec(
        Long maxBodyBytes,
        Long maxDecompressedBytes,
        Integer maxNestingDepth,
        Double ratePerSecond,
        Integer burst) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;
    /** The API server's audit webhook sends batches of up to 400 events, often several MiB together. */
    public static final long DEFAULT_K8S_AUDIT_MAX_BODY_BYTES = 12L << 20;
    public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 8L << 20;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

    /**
     * These limits with every absent value filled in for a source of {@code type}. An absent decompressed
     * cap is never below the body cap, so a compressed body gets no less room than the same body sent plain.
     * An absent burst is one second's worth of the rate.
     */
    public LimitsSpec withDefaults(SourceType type) {
        long body = maxBodyBytes != null ? maxBodyBytes
                : type == SourceType.K8S_AUDIT ? DEFAULT_K8S_AUDIT_MAX_BODY_BYTES : DEFAULT_MAX_BODY_BYTES;
        long decompressed = maxDecompressedBytes != null ? maxDecompressedBytes
                : Math.max(DEFAULT_MAX_DECOMPRESSED_BYTES, body);
        int depth = maxNestingDepth != null ? maxNestingDepth : DEFAULT_MAX_NESTING_DEPTH;
        Integer resolvedBurst = burst;
        if (resolvedBurst == null && ratePerSecond != null) {
            resolvedBurst = (int) Math.max(1, Math.ceil(ratePerSecond));
        }
        return new LimitsSpec(body, decompressed, depth, ratePerSecond, resolvedBurst);
    }
}
