package io.kubezen.watcher.controller.leader.solo;

import io.kubezen.watcher.controller.leader.LeaderElection;
import io.kubezen.watcher.controller.leader.LeaderElectionContract;

import java.time.Clock;

class SoloLeaderElectionTest extends LeaderElectionContract {

    @Override
    protected LeaderElection election(String identity) {
        return new SoloLeaderElection(identity, Clock.systemUTC());
    }
}
