package io.kubezen.watcher.ingester.writer;

import java.util.ArrayList;
import java.util.List;

/**
 * Where queued Observations become durable resources. The writer calls it once per queue entry (or once per
 * batch) and acknowledges, retries or dead-letters the entry by the result's {@link WriteResult.Outcome}.
 *
 * <p>Implementations must be idempotent by {@link ObservationWrite#name()}: writing a name that already exists
 * in the namespace leaves the existing object alone and answers {@code ALREADY_EXISTS}, so a redelivered
 * entry counts as written. They never throw for a failed write; every failure is a typed result. They are
 * called from several writer threads at once.
 */
public interface ObservationSink {

    WriteResult write(ObservationWrite write);

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
