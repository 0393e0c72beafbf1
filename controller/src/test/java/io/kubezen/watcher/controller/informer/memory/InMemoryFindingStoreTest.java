package io.kubezen.watcher.controller.informer.memory;

import io.kubezen.watcher.controller.informer.FindingStore;
import io.kubezen.watcher.controller.informer.FindingStoreContract;

class InMemoryFindingStoreTest extends FindingStoreContract {

    private final InMemoryFindingStore store = new InMemoryFindingStore();

    @Override
    protected FindingStore store() {
        return store;
    }
}
