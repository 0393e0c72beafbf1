package io.kubezen.watcher.controller.leader;

/**
 * Told when this process starts and stops leading. A {@link LeaderElection} calls it from one thread at a time,
 * always {@code acquired} before the matching {@code lost}, and never {@code lost} without {@code acquired}.
 */
public interface LeadershipListener {

    LeadershipListener NOOP = new LeadershipListener() {
        @Override
        public void acquired(LeadershipAcquired event) {
        }

        @Override
        public void lost(LeadershipLost event) {
        }
    };

    /** Must return quickly: the lease is renewed meanwhile, but the next transition waits for it. */
    void acquired(LeadershipAcquired event);

    /**
     * Returns only once everything the leader started has stopped: the election steps down before a standby
     * can take over, and this is the window in which leader-only work must end.
     */
    void lost(LeadershipLost event);
}
