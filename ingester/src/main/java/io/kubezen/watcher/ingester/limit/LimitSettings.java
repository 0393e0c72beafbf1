package io.kubezen.watcher.ingester.limit;

import java.util.Objects;

/**
 * The size and rate limits of one webhook source: the Ingester's {@code webhook.limits}, validated.
 *
 * @param maxBodyBytes         the body as sent (413 beyond it)
 * @param maxDecompressedBytes a gzip body once decompressed (413 beyond it)
 * @param maxNestingDepth      how deeply the JSON may nest; enforced by the parser in the pipeline
 */
public record LimitSettings(long maxBodyBytes, long maxDecompressedBytes, int maxNestingDepth,
                            RateLimitSettings rateLimit) {

    public static final long MIB = 1024 * 1024;
    public static final long DEFAULT_MAX_BODY_BYTES = MIB;
    /** The API server's audit webhook sends batches of events, with request and response objects in them. */
    public static final long KUBE_AUDIT_MAX_BODY_BYTES = 12 * MIB;
    /** Deep enough for audit events carrying CRDs with nested schemas, shallow enough to stop nesting bombs. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 128;
    public static final String KUBE_AUDIT_SOURCE_TYPE = "kube-audit";

    public LimitSettings {
        positive(maxBodyBytes, "maxBodyBytes");
        positive(maxDecompressedBytes, "maxDecompressedBytes");
        positive(maxNestingDepth, "maxNestingDepth");
        Objects.requireNonNull(rateLimit, "rateLimit");
    }

    /**
     * The limits a source has when its Ingester sets none. The decompressed limit equals the body
     * limit, so a gzip sender can make the pipeline parse no more than a plain sender could.
     */
    public static LimitSettings defaultsFor(String sourceType) {
        long body = KUBE_AUDIT_SOURCE_TYPE.equals(sourceType) ? KUBE_AUDIT_MAX_BODY_BYTES : DEFAULT_MAX_BODY_BYTES;
        return new LimitSettings(body, body, DEFAULT_MAX_NESTING_DEPTH, RateLimitSettings.DEFAULT);
    }

    private static void positive(long value, String key) {
        if (value < 1) {
            throw new IllegalArgumentException("webhook.limits." + key + " must be at least 1, got " + value);
        }
    }
}
