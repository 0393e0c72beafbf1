package io.kubezen.watcher.controller.informer;

/** The running informers and workers of one source, from start until closed. */
public interface SourceWatch extends RunningSource {

    /** True once every informer of the source listed its objects. */
    boolean hasSynced();

    /** Stops informers and workers; returns once the workers ended. The queue is dropped, never drained. */
    @Override
    void close();
}
