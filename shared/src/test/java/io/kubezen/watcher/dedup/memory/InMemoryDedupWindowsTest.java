package io.kubezen.watcher.dedup.memory;

import io.kubezen.watcher.dedup.DedupWindows;
import io.kubezen.watcher.dedup.DedupWindowsContract;

import java.time.Clock;

class InMemoryDedupWindowsTest extends DedupWindowsContract {

    @Override
    protected DedupWindows createWindows(Clock clock) {
        return new InMemoryDedupWindows();
    }

    @Override
    protected DedupWindows secondProcess(Clock clock) {
        return windows;
    }
}
