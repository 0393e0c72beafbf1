package io.kubezen.watcher.ingester.writer;

import java.util.Locale;

/**
 * Why a write failed, from a small fixed set so it can tag metrics and dead-letter entries. Whether the
 * failure is retried is the result's outcome, not the reason's: the same reason never appears with both.
 */
public enum FailureReason {
    /** Rejected by schema validation or as a malformed request (400, 413, 422). Permanent. */
    INVALID,
    /** The service account may not create this resource, or the namespace is terminating (403). Permanent. */
    FORBIDDEN,
    /** The namespace or the resource type does not exist (404). Permanent. */
    NOT_FOUND,
    /** Refused by the writer's own rails before any request. Permanent. */
    DENIED,
    /** Any other 4xx. Permanent. */
    REJECTED,
    /** Credentials were not accepted (401); a rotated token usually fixes itself. Retryable. */
    UNAUTHORIZED,
    /** The API server asked us to slow down (429). Retryable, after its Retry-After. */
    THROTTLED,
    /** A 409 other than AlreadyExists. Retryable. */
    CONFLICT,
    /** 5xx other than a gateway timeout. Retryable. */
    SERVER_ERROR,
    /** No answer in time (504, read or connect timeout). Retryable. */
    TIMEOUT,
    /** No connection, or local storage failed. Retryable. */
    UNAVAILABLE,
    /** The writer thread was interrupted, usually at shutdown; the entry stays pending. Retryable. */
    INTERRUPTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
