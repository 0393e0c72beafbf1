package io.kubezen.watcher.controller.informer;

import java.util.Optional;

/** The informer's local copy of the watched objects: what the sync step reads instead of asking the API server. */
@FunctionalInterface
public interface ObjectCache {

    /** The object's JSON as the API server served it last; empty when it is gone. */
    Optional<byte[]> get(ObjectKey key);
}
