package io.kubezen.watcher.dedup;

import java.time.Duration;

/**
 * The dedup window each source currently uses. A source's Ingester configures one; the controller's
 * tuner may publish another from the traffic it sees, and then every ingester applies that one.
 */
public interface DedupWindows {

    /**
     * Called on the hot path for every batch, so implementations answer from memory most of the time; a
     * newly published window takes effect within a short, bounded delay.
     *
     * @param configured the window the source's Ingester configures, used while none is published
     */
    Duration windowFor(String source, Duration configured);

    /**
     * True when {@link #windowFor} answers {@code source} from memory, without waiting for a store, and will for
     * about a second more, so that a thread that must not wait may admit the source's events. A notice of a newly
     * published window may still drop the remembered one sooner; the next call then waits for one store read.
     */
    default boolean answersFromMemory(String source) {
        return true;
    }

    /** Called by the tuner. Windows are whole seconds, at least one. */
    void publish(String source, Duration window);

    /** Called by the tuner when it stops tuning a source, which then falls back to its configured window. */
    void withdraw(String source);

    /** Throws unless {@code window} is a whole number of seconds, at least one. */
    static Duration checkPublishable(Duration window) {
        if (window == null || window.getSeconds() < 1 || window.getNano() != 0) {
            throw new IllegalArgumentException("a published window must be whole seconds, at least 1s, was " + window);
        }
        return window;
    }
}
