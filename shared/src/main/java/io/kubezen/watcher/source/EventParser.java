package io.kubezen.watcher.source;

import io.kubezen.watcher.normalize.ObservationDraft;

import java.util.List;

/**
 * One source's compiled reader: request body in, one draft per event out. Built once per source
 * definition by {@link SourceAdapter#compile}, then called concurrently for every request, so it holds no
 * per-request state.
 */
@FunctionalInterface
public interface EventParser {

    /**
     * @return the events in payload order; empty when the payload carries none (an empty EventList)
     * @throws PayloadException and nothing else, whatever the bytes
     */
    List<ObservationDraft> parse(Payload payload) throws PayloadException;
}
