package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.controller.leader.LeadershipAcquired;
import io.kubezen.watcher.controller.leader.LeadershipListener;
import io.kubezen.watcher.controller.leader.LeadershipLost;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

/**
 * Publishes {@link LeadershipAcquired} and {@link LeadershipLost} as Micronaut application events, so any bean
 * can follow leadership with {@code @EventListener}. Listeners run synchronously on the election's thread.
 */
@Singleton
final class LeadershipEvents implements LeadershipListener {

    private final ApplicationEventPublisher<LeadershipAcquired> acquired;
    private final ApplicationEventPublisher<LeadershipLost> lost;

    LeadershipEvents(ApplicationEventPublisher<LeadershipAcquired> acquired,
                     ApplicationEventPublisher<LeadershipLost> lost) {
        this.acquired = acquired;
        this.lost = lost;
    }

    @Override
    public void acquired(LeadershipAcquired event) {
        acquired.publishEvent(event);
    }

    @Override
    public void lost(LeadershipLost event) {
        lost.publishEvent(event);
    }
}
