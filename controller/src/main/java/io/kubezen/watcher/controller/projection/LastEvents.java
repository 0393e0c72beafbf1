package io.kubezen.watcher.controller.projection;

import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.IngesterStatus;
import io.kubezen.watcher.dedup.TrafficBuckets;
import io.kubezen.watcher.dedup.TrafficCounter;
import io.kubezen.watcher.kube.model.V1alpha1Ingester;
import io.kubezen.watcher.projection.ConfigProjection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Brings each served Ingester's {@code status.lastEventAt} up to the newest traffic bucket in which ingesters
 * counted events of its source. The receivers already count every source's events in Redis for the tuner, so
 * this costs them nothing; the leader reads the counters once per interval and writes a status only when the
 * bucket moved, so a busy source costs one status write per interval at most.
 *
 * <p>The served Ingesters, and the source each serves, come from the published projection: an Ingester whose
 * last edit was invalid still serves the source of its last valid generation. Informer-type Ingesters have no
 * traffic counters and keep no {@code lastEventAt}. Not thread-safe; one loop of the leader owns it.
 */
final class LastEvents {

    private final IngesterLookup ingesters;
    private final ConfigProjection projection;
    private final TrafficCounter traffic;
    private final StatusWriter statuses;
    private final Clock clock;
    private final Map<String, Instant> written = new HashMap<>();
    private Instant lastPass;

    LastEvents(IngesterLookup ingesters, ConfigProjection projection, TrafficCounter traffic, StatusWriter statuses,
               Clock clock) {
        this.ingesters = ingesters;
        this.projection = projection;
        this.traffic = traffic;
        this.statuses = statuses;
        this.clock = clock;
    }

    /**
     * One pass over the served Ingesters. It looks back to the start of the last pass that completed, so a
     * failed pass (Redis or the API away) loses nothing that the counters still hold.
     *
     * @throws RuntimeException when Redis or the API fails; the next pass tries again
     */
    void run() {
        Instant now = clock.instant();
        Duration lookBack = lastPass == null ? TrafficBuckets.DEFAULT_RETENTION
                : within(Duration.between(lastPass, now).plus(TrafficBuckets.SIZE));
        Map<String, IngesterSpec> served = projection.read().sources();
        served.forEach((key, spec) -> ingesters.get(key).ifPresent(ingester ->
                traffic.lastCounted(spec.source(), lookBack)
                        .filter(last -> isNewer(last, known(key, ingester)))
                        .ifPresent(last -> {
                            statuses.writeLastEventAt(ingester.getMetadata().getNamespace(),
                                    ingester.getMetadata().getName(), last);
                            written.put(key, last);
                        })));
        written.keySet().retainAll(served.keySet());
        lastPass = now;
    }

    /** The newer of the stored status and what this loop wrote, since the informer cache may lag behind a write. */
    private Instant known(String key, V1alpha1Ingester ingester) {
        Instant stored = Optional.ofNullable(ReadyStatus.parse(ingester.getStatus()))
                .map(IngesterStatus::lastEventAt).orElse(null);
        Instant mine = written.get(key);
        return stored == null || (mine != null && mine.isAfter(stored)) ? mine : stored;
    }

    private static boolean isNewer(Instant candidate, Instant known) {
        return known == null || candidate.isAfter(known);
    }

    /** Between one bucket (a clock that stepped back) and the counters' retention (a long outage). */
    private static Duration within(Duration lookBack) {
        if (lookBack.compareTo(TrafficBuckets.SIZE) < 0) {
            return TrafficBuckets.SIZE;
        }
        return lookBack.compareTo(TrafficBuckets.DEFAULT_RETENTION) > 0 ? TrafficBuckets.DEFAULT_RETENTION : lookBack;
    }
}
