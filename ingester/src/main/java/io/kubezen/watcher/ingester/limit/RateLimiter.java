package io.kubezen.watcher.ingester.limit;

/**
 * Per-source token buckets that keep one source's flood from starving the others. Ask once per
 * request, after authentication, so that unauthenticated traffic cannot spend a source's budget.
 * Implementations are thread-safe; buckets are keyed by source name and start full.
 */
public interface RateLimiter {

    /**
     * Takes one token from the source's bucket if there is one. Settings may change between calls (a
     * reloaded Ingester); the bucket then refills at the new rate and is capped at the new burst.
     *
     * @throws io.kubezen.watcher.ingester.http.UnavailableException when the shared bucket store cannot be reached
     */
    RateLimitDecision tryAcquire(String source, RateLimitSettings settings);

    /**
     * True when {@link #tryAcquire} answers from this process's memory, so a thread that must not wait (the
     * server's event loop) may call it; false when it asks a shared store.
     */
    default boolean answersFromMemory() {
        return false;
    }

    /**
     * As {@link #tryAcquire}, but a refusal is thrown, for the HTTP layer to answer 429.
     *
     * @throws RateLimitedException when the bucket is empty
     */
    default void acquire(String source, RateLimitSettings settings) {
        RateLimitDecision decision = tryAcquire(source, settings);
        if (!decision.allowed()) {
            throw new RateLimitedException(source, settings, decision.retryAfter());
        }
    }
}
