package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.controller.leader.LeaderDuties;
import io.kubezen.watcher.controller.leader.LeaderElection;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Campaigns once the app has started, and gives leadership up when the app shuts down: duties stop first, then
 * the lease is released so a standby takes over without waiting for it to expire. Depends on the duties, so
 * Micronaut destroys it before the Redis and Kubernetes clients they use.
 */
@Singleton
final class LeadershipRunner {

    private final LeaderElection election;
    private final LeaderDuties duties;

    LeadershipRunner(LeaderElection election, LeaderDuties duties) {
        this.election = election;
        this.duties = duties;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        election.start(duties);
    }

    @PreDestroy
    void stop() {
        election.close();
    }
}
