package io.kubezen.watcher.controller.logs;

/** The running part of one logs source during a leadership term: its pod informers and streams. */
public interface LogFollow extends AutoCloseable {

    /** Stops the informers and every stream; their positions are recorded. Returns when the streams ended. */
    @Override
    void close();
}
