package io.kubezen.watcher.controller.leader;

/**
 * How this process learns that it leads. At most one process of an install leads at any time, and a leader
 * that can no longer prove its leadership steps down (calls {@link LeadershipListener#lost}) before another
 * process can take over.
 */
public interface LeaderElection extends AutoCloseable {

    /** The name this process campaigns under; the lease's holder while it leads. */
    String identity();

    /** Starts campaigning in the background and returns at once. Called once. */
    void start(LeadershipListener listener);

    /**
     * Gives up for good: a leader first ends its term ({@link LeadershipListener#lost} returns), then releases
     * its lease so a standby takes over at once rather than after the lease expires. Safe to call twice, or
     * without {@link #start}.
     */
    @Override
    void close();
}
