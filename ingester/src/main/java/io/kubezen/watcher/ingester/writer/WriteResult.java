package io.kubezen.watcher.ingester.writer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What happened to one {@link ObservationWrite} or {@link StatusWrite}: the writer acknowledges the queue entry
 * when it is {@link #settled()}, retries it when {@link Outcome#RETRYABLE} and dead-letters it when
 * {@link Outcome#PERMANENT}.
 *
 * @param reason     null when written
 * @param message    the API server's or the rail's words; null when written
 * @param causes     the fields the API server named, empty unless the object was invalid
 * @param retryAfter how long the server asked us to wait; null when it did not say
 */
public record WriteResult(
        Outcome outcome, String name, FailureReason reason, String message, List<FieldCause> causes,
        Duration retryAfter) {

    /**
     * {@code CREATED} and {@code ALREADY_EXISTS} answer a create, {@code UPDATED}, {@code UNCHANGED} (the status
     * already covered the update) and {@code GONE} (no such Observation: not created yet, or deleted by garbage
     * collection) a status update; the two failures answer either.
     */
    public enum Outcome { CREATED, ALREADY_EXISTS, UPDATED, UNCHANGED, GONE, RETRYABLE, PERMANENT }

    public WriteResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(name, "name");
        causes = causes == null ? List.of() : List.copyOf(causes);
        if ((outcome == Outcome.RETRYABLE || outcome == Outcome.PERMANENT) == (reason == null)) {
            throw new IllegalArgumentException("a failure needs a reason and a success has none: " + outcome);
        }
        if (reason != null && reason.permanent() != (outcome == Outcome.PERMANENT)) {
            throw new IllegalArgumentException(reason + " is not " + outcome);
        }
    }

    public static WriteResult created(String name) {
        return of(Outcome.CREATED, name);
    }

    public static WriteResult alreadyExists(String name) {
        return of(Outcome.ALREADY_EXISTS, name);
    }

    public static WriteResult retryable(String name, FailureReason reason, String message, Duration retryAfter) {
        return new WriteResult(Outcome.RETRYABLE, name, reason, message, List.of(), retryAfter);
    }

    public static WriteResult permanent(String name, FailureReason reason, String message, List<FieldCause> causes) {
        return new WriteResult(Outcome.PERMANENT, name, reason, message, causes, null);
    }

    public static WriteResult of(Outcome outcome, String name) {
        return new WriteResult(outcome, name, null, null, List.of(), null);
    }

    /**
     * Nothing is left to do for the entry, so it can be acknowledged: the Observation exists now or existed before,
     * or its status is up to date, or there is no Observation whose status an update could still reach. A status
     * update that meets no Observation is settled too, because the create writes the record's count of the moment.
     */
    public boolean settled() {
        return outcome != Outcome.RETRYABLE && outcome != Outcome.PERMANENT;
    }
}
