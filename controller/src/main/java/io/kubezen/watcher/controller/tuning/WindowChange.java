package io.kubezen.watcher.controller.tuning;

import java.time.Duration;

/** What one tuning step did to a source's published window. */
public sealed interface WindowChange {

    String source();

    /**
     * A window was published for the source.
     *
     * @param previous the window published before in this leadership term; null for the term's first decision
     */
    record Published(String source, Duration window, Duration previous, double eventsPerSecond) implements WindowChange {
    }

    /** The source is pinned, so any tuned window was removed and it uses its configured one. */
    record Withdrawn(String source) implements WindowChange {
    }
}
