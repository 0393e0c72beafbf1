package io.kubezen.watcher.controller.informer;

/** Starts the informers and workers of a source; the Kubernetes one is in the {@code kubernetes} subpackage. */
@FunctionalInterface
public interface WatchStarter {

    SourceWatch start(InformerSource source);
}
