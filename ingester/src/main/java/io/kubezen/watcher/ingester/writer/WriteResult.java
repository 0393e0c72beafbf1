package io.kubezen.watcher.ingester.writer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What happened to one {@link ObservationWrite}: the writer acknowledges the queue entry when it was
 * {@link #written()}, retries it when {@link Outcome#RETRYABLE} and dead-letters it when
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

    public enum Outcome { CREATED, ALREADY_EXISTS, RETRYABLE, PERMANENT }

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
        return new WriteResult(Outcome.CREATED, name, null, null, List.of(), null);
    }

    public static WriteResult alreadyExists(String name) {
        return new WriteResult(Outcome.ALREADY_EXISTS, name, null, null, List.of(), null);
    }

    public static WriteResult retryable(String name, FailureReason reason, String message, Duration retryAfter) {
        return new WriteResult(Outcome.RETRYABLE, name, reason, message, List.of(), retryAfter);
    }

    public static WriteResult permanent(String name, FailureReason reason, String message, List<FieldCause> causes) {
        return new WriteResult(Outcome.PERMANENT, name, reason, message, causes, null);
    }

    /** Created now or before: either way the Observation exists and the queue entry can be acknowledged. */
    public boolean written() {
        return outcome == Outcome.CREATED || outcome == Outcome.ALREADY_EXISTS;
    }
}
