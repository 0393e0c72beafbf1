package io.kubezen.watcher.bench.reliability;

import io.kubezen.watcher.bench.load.AcknowledgedLoad;

import java.net.URI;
import java.time.Duration;

/**
 * How hard and how long the scenarios push.
 *
 * @param load           how long the generator sends; the failure is injected a third of the way in
 * @param rate           new events per second
 * @param drainTimeout   how long the writers get to empty the queue after the load
 * @param outage         how long Redis stays down in {@code redis-restart}
 * @param gcObservations expired Observations the controllers' GC has to delete in {@code leader-gc}
 */
public record ReliabilityPlan(Duration load, int rate, int connections, Duration drainTimeout, Duration outage,
                              int gcObservations) {

    /** The documented run (docs/reliability.md). */
    public static final ReliabilityPlan FULL = new ReliabilityPlan(Duration.ofSeconds(90), 300, 8,
            Duration.ofMinutes(3), Duration.ofSeconds(5), 3_000);
    /** A smoke run of every scenario in a few minutes. */
    public static final ReliabilityPlan QUICK = new ReliabilityPlan(Duration.ofSeconds(20), 150, 4,
            Duration.ofMinutes(2), Duration.ofSeconds(3), 600);

    /** Retries for 30 s, like a sender that outlives a restart of whatever it talks to. */
    AcknowledgedLoad.Settings loadSettings(URI target) {
        return new AcknowledgedLoad.Settings(target, connections, rate, Duration.ofMillis(100), 300);
    }

    Duration beforeFailure() {
        return load.dividedBy(3);
    }
}
