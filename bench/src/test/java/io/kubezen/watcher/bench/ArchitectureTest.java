package io.kubezen.watcher.bench;

import io.kubezen.watcher.testing.arch.ArchitectureContract;

class ArchitectureTest extends ArchitectureContract {

    @Override
    protected String root() {
        return "io.kubezen.watcher.bench";
    }
}
