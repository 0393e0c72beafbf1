package io.kubezen.watcher.projection.memory;

import io.kubezen.watcher.projection.ConfigProjection;
import io.kubezen.watcher.projection.ConfigProjectionContract;

class InMemoryConfigProjectionTest extends ConfigProjectionContract {

    @Override
    protected ConfigProjection create() {
        return new InMemoryConfigProjection();
    }

    /** In memory, "another process" is the same instance: it is the only way to share state. */
    @Override
    protected ConfigProjection secondProcess() {
        return projection;
    }
}
