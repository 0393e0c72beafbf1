package io.kubezen.watcher.ingester.writer;

import java.util.Locale;

/**
 * Why a write failed, from a small fixed set so it can tag metrics and dead-letter entries. Each reason is
 * either permanent or retryable, never both, so the writer's metrics can exist at zero for every pair
 * before the first failure.
 */
public enum FailureReason {
    /** Rejected by schema validation or as a malformed request (400, 413, 422). Permanent. */
    INVALID(true),
    /** The service account may not create this resource, or the namespace is terminating (403). Permanent. */
    FORBIDDEN(true),
    /** The namespace or the resource type does not exist (404). Permanent. */
    NOT_FOUND(true),
    /** Refused by the writer's own rails before any request. Permanent. */
    DENIED(true),
    /** Any other 4xx. Permanent. */
    REJECTED(true),
    /** Credentials were not accepted (401); a rotated token usually fixes itself. Retryable. */
    UNAUTHORIZED(false),
    /** The API server asked us to slow down (429). Retryable, after its Retry-After. */
    THROTTLED(false),
    /** A 409 other than AlreadyExists. Retryable. */
    CONFLICT(false),
    /** 5xx other than a gateway timeout. Retryable. */
    SERVER_ERROR(false),
    /** No answer in time (504, read or connect timeout). Retryable. */
    TIMEOUT(false),
    /** No connection, or local storage failed. Retryable. */
    UNAVAILABLE(false),
    /** The writer thread was interrupted, usually at shutdown; the entry stays pending. Retryable. */
    INTERRUPTED(false);

    private final boolean permanent;

    FailureReason(boolean permanent) {
        this.permanent = permanent;
    }

    /** True when retrying cannot help, so the entry goes to the dead letters at once. */
    public boolean permanent() {
        return permanent;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
