package io.kubezen.watcher.controller.leader;

/**
 * Work only the leader may do (GC, tuning, informers). {@link LeaderDuties} runs every duty on a thread of its
 * own for each leadership term, and ends the term before another process can become leader, so no duty ever
 * runs in two processes at once.
 */
public interface LeaderDuty {

    /** Names the duty in logs, thread names and the readiness details. */
    String name();

    /**
     * Called once per term, right after leadership was acquired, on the duty's own thread. Runs until the term
     * ends, then returns promptly: wait between runs with {@link LeadershipTerm#awaitEnd}, and treat an
     * interrupt (the term ended while blocked elsewhere) as the end. Start every term from scratch, because
     * another leader may have acted in between. An exception ends this duty for the term and is logged.
     */
    void lead(LeadershipTerm term) throws InterruptedException;

    /** Whether the duty is ready while leading, for example its caches synced; asked by the readiness probe. */
    default boolean ready() {
        return true;
    }
}
