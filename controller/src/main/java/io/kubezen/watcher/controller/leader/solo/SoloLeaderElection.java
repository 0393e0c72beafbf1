package io.kubezen.watcher.controller.leader.solo;

import io.kubezen.watcher.controller.leader.LeaderElection;
import io.kubezen.watcher.controller.leader.LeadershipAcquired;
import io.kubezen.watcher.controller.leader.LeadershipListener;
import io.kubezen.watcher.controller.leader.LeadershipLost;

import java.time.Clock;

/**
 * Leads from start to close without asking anyone: for a controller run without Kubernetes (local
 * development, or a single replica by design). Two processes using it would both lead, so the wiring chooses
 * it only when {@code zen-watcher.leader.enabled} is false, and says so at start-up.
 */
public final class SoloLeaderElection implements LeaderElection {

    private final String identity;
    private final Clock clock;
    private final Object lock = new Object();
    private LeadershipListener listener;
    private boolean closed;

    public SoloLeaderElection(String identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public void start(LeadershipListener leadershipListener) {
        synchronized (lock) {
            if (listener != null || closed) {
                throw new IllegalStateException("the election was already started or closed");
            }
            listener = leadershipListener;
            listener.acquired(new LeadershipAcquired(identity, clock.instant()));
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (listener != null) {
                listener.lost(new LeadershipLost(identity, clock.instant()));
            }
        }
    }
}
