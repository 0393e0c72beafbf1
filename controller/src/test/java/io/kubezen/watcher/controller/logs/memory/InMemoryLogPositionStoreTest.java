package io.kubezen.watcher.controller.logs.memory;

import io.kubezen.watcher.controller.logs.LogPositionStore;
import io.kubezen.watcher.controller.logs.LogPositionStoreContract;

class InMemoryLogPositionStoreTest extends LogPositionStoreContract {

    private final InMemoryLogPositionStore store = new InMemoryLogPositionStore();

    @Override
    protected LogPositionStore store() {
        return store;
    }
}
