package io.kubezen.watcher.controller.logs;

import io.kubezen.watcher.controller.informer.RunningSource;

/** The running part of one logs source during a leadership term: its pod informers and streams. */
public interface LogFollow extends RunningSource {

    /** Stops the informers and every stream; their positions are recorded. Returns when the streams ended. */
    @Override
    void close();
}
