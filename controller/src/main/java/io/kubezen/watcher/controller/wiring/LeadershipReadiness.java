package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.controller.leader.LeaderDuties;
import io.kubezen.watcher.controller.leader.LeaderElection;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.List;
import java.util.Map;

/**
 * Readiness: a standby is ready (it can take over at any time); the leader is ready once every duty is, for
 * example once its informer caches synced.
 */
@Singleton
@Readiness
final class LeadershipReadiness implements HealthIndicator {

    private final LeaderElection election;
    private final LeaderDuties duties;

    LeadershipReadiness(LeaderElection election, LeaderDuties duties) {
        this.election = election;
        this.duties = duties;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        List<String> notReady = duties.notReady();
        return Publishers.just(HealthResult.builder("leadership", notReady.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("identity", election.identity(), "leader", duties.isLeading(),
                        "dutiesNotReady", notReady))
                .build());
    }
}
