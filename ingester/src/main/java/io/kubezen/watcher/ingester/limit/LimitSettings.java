package io.kubezen.watcher.ingester.limit;

import io.kubezen.watcher.config.LimitsSpec;
import io.kubezen.watcher.config.SourceType;

import java.util.Optional;

/**
 * The size and rate limits of one webhook source: the Ingester's {@code webhook.limits} with the defaults of
 * {@link LimitsSpec} filled in and validated. The JSON nesting limit is the pipeline's, not the receiver's.
 *
 * @param maxBodyBytes         the body as sent (413 beyond it)
 * @param maxDecompressedBytes a gzip body once decompressed (413 beyond it)
 * @param rateLimit            empty: no rate limit, the queue absorbs bursts (a sender refused with 429 may
 *                             drop the event: falcosidekick does not retry it)
 */
public record LimitSettings(long maxBodyBytes, long maxDecompressedBytes, Optional<RateLimitSettings> rateLimit) {

    public static final long MIB = 1024 * 1024;

    public LimitSettings {
        positive(maxBodyBytes, "maxBodyBytes");
        positive(maxDecompressedBytes, "maxDecompressedBytes");
    }

    /** @param limits the source's {@code webhook.limits}, or null when it sets none */
    public static LimitSettings of(SourceType type, LimitsSpec limits) {
        LimitsSpec resolved = (limits == null ? new LimitsSpec(null, null, null, null, null) : limits).withDefaults(type);
        Optional<RateLimitSettings> rate = resolved.ratePerSecond() == null ? Optional.empty()
                : Optional.of(new RateLimitSettings(resolved.ratePerSecond(), resolved.burst()));
        return new LimitSettings(resolved.maxBodyBytes(), resolved.maxDecompressedBytes(), rate);
    }

    private static void positive(long value, String key) {
        if (value < 1) {
            throw new IllegalArgumentException("webhook.limits." + key + " must be at least 1, got " + value);
        }
    }
}
