package io.kubezen.watcher.controller.logs.memory;

import io.kubezen.watcher.controller.handover.memory.InMemoryHandoverStore;
import io.kubezen.watcher.controller.logs.ContainerKey;
import io.kubezen.watcher.controller.logs.LogPosition;
import io.kubezen.watcher.controller.logs.LogPositionStore;

/** Positions in this process only: for development and tests, where no other leader needs them. */
public final class InMemoryLogPositionStore extends InMemoryHandoverStore<ContainerKey, LogPosition>
        implements LogPositionStore {
}
