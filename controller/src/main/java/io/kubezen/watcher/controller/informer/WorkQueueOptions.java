package io.kubezen.watcher.controller.informer;

import java.time.Duration;

/**
 * How the keys of one informer source are worked off.
 *
 * @param workers        threads running sync steps per source
 * @param retryBaseDelay first delay of a key whose sync failed; doubles per failure of that key
 * @param retryMaxDelay  cap of that per-key backoff
 * @param retryQps       retries per second of the whole source, whatever the per-key backoff says
 * @param retryBurst     retries allowed at once before {@code retryQps} applies
 */
public record WorkQueueOptions(int workers, Duration retryBaseDelay, Duration retryMaxDelay, int retryQps,
                               int retryBurst) {

    public static final int DEFAULT_WORKERS = 2;
    public static final Duration DEFAULT_RETRY_BASE_DELAY = Duration.ofMillis(500);
    public static final Duration DEFAULT_RETRY_MAX_DELAY = Duration.ofMinutes(5);
    public static final int DEFAULT_RETRY_QPS = 10;
    public static final int DEFAULT_RETRY_BURST = 100;
    public static final WorkQueueOptions DEFAULT = new WorkQueueOptions(DEFAULT_WORKERS, DEFAULT_RETRY_BASE_DELAY,
            DEFAULT_RETRY_MAX_DELAY, DEFAULT_RETRY_QPS, DEFAULT_RETRY_BURST);

    public WorkQueueOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        if (retryBaseDelay == null || retryBaseDelay.isNegative() || retryBaseDelay.isZero()
                || retryMaxDelay == null || retryMaxDelay.compareTo(retryBaseDelay) < 0) {
            throw new IllegalArgumentException("retry delays must be positive with the maximum at least the base, were "
                    + retryBaseDelay + " and " + retryMaxDelay);
        }
        if (retryQps < 1 || retryBurst < 1) {
            throw new IllegalArgumentException("retry-qps and retry-burst must be at least 1, were " + retryQps
                    + " and " + retryBurst);
        }
    }
}
