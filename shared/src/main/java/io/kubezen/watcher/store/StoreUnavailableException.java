package io.kubezen.watcher.store;

/**
 * The shared state (dedup store, queue) could not be reached or did not answer in time. Nothing was
 * decided for the events at hand, so the receiver answers 503 with {@code Retry-After} and the sender
 * retries; the store recovers by itself once Redis is back.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
