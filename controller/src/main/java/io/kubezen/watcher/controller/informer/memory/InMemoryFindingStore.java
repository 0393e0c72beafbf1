package io.kubezen.watcher.controller.informer.memory;

import io.kubezen.watcher.controller.handover.memory.InMemoryHandoverStore;
import io.kubezen.watcher.controller.informer.FindingStore;
import io.kubezen.watcher.controller.informer.ObjectFindings;
import io.kubezen.watcher.controller.informer.ObjectKey;

/** For a controller without Redis and for tests: remembered only as long as the process lives. */
public final class InMemoryFindingStore extends InMemoryHandoverStore<ObjectKey, ObjectFindings>
        implements FindingStore {
}
