package io.kubezen.watcher.controller.informer;

/** What a {@link SourceDuty} runs for one source during a leadership term, from start until closed. */
public interface RunningSource extends AutoCloseable {

    /** Stops what runs for the source; returns once it ended. */
    @Override
    void close();
}
