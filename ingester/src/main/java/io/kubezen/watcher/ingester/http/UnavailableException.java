package io.kubezen.watcher.ingester.http;

import io.kubezen.watcher.http.ProblemException;
import io.kubezen.watcher.http.ProblemType;

import java.time.Duration;

/**
 * 503 with {@code Retry-After}: a store the receiver needs (Redis: dedup records, queue, shared rate limits)
 * did not answer. The request is refused rather than accepted unsafely; senders retry on 5xx, so nothing
 * they sent is lost, and nothing of the refused request counts as accepted.
 */
public final class UnavailableException extends ProblemException {

    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    /** @param store what could not be reached, in words for the sender, such as "the rate limit store" */
    public UnavailableException(String source, String store, Throwable cause) {
        super(ProblemType.UNAVAILABLE, capitalized(store) + " is unreachable; retry after the time in Retry-After.",
                source, null, retryAfter(DEFAULT_RETRY_AFTER), cause);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
