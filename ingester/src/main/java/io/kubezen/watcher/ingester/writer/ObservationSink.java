package io.kubezen.watcher.ingester.writer;

import java.util.ArrayList;
import java.util.List;

/**
 * Where queued Observations become durable resources. The writer calls it once per queue entry (or once per
 * batch) and acknowledges, retries or dead-letters the entry by the result's {@link WriteResult.Outcome}.
 *
 * <p>Implementations must be idempotent by {@link ObservationWrite#name()}: writing a name that already exists
 * in the namespace leaves the existing spec alone and answers {@code ALREADY_EXISTS}, so a redelivered
 * entry counts as written. Statuses only ever move forward ({@link SeenStatus#covers}): a status update, or the
 * status of a create, that is older than what the Observation shows changes nothing. They never throw for a failed
 * write; every failure is a typed result. They are called from several writer threads at once.
 */
public interface ObservationSink {

    /**
     * Creates the Observation with {@link ObservationWrite#status()}, or, when it exists, brings its status up to
     * that. The result is {@code CREATED} or {@code ALREADY_EXISTS} only once both are done.
     */
    WriteResult write(ObservationWrite write);

    /** Brings an existing Observation's status up to the update: {@code UPDATED}, {@code UNCHANGED} or {@code GONE}. */
    WriteResult updateStatus(StatusWrite update);

    /** Several status updates, one result each, in order. */
    default List<WriteResult> updateStatusAll(List<StatusWrite> updates) {
        List<WriteResult> results = new ArrayList<>(updates.size());
        for (StatusWrite update : updates) {
            results.add(updateStatus(update));
        }
        return results;
    }

    /**
     * Writes several entries and answers one result per entry, in order. An implementation that can make a
     * batch durable in one step (one fsync, one round trip) overrides this; a result is only final once
     * this method returned.
     */
    default List<WriteResult> writeAll(List<ObservationWrite> writes) {
        List<WriteResult> results = new ArrayList<>(writes.size());
        for (ObservationWrite write : writes) {
            results.add(write(write));
        }
        return results;
    }
}
