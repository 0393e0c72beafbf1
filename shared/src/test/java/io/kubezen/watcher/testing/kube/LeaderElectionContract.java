package io.kubezen.watcher.testing.kube;

import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two client-java {@link LeaderElector}s on one {@link LeaseLock}: exactly one leads, and the other takes over
 * once the leader stops renewing. Part of {@link KubernetesApiContract}.
 */
interface LeaderElectionContract {

    Duration LEASE = Duration.ofSeconds(2);
    Duration RENEW_DEADLINE = Duration.ofMillis(1500);
    Duration RETRY = Duration.ofMillis(200);
    Duration TAKEOVER_TIMEOUT = Duration.ofSeconds(20);

    ApiClient client();

    String namespace();

    @Test
    default void leaseElectsOneLeaderAndFailsOver() throws Exception {
        BlockingQueue<String> timeline = new LinkedBlockingQueue<>();
        Map<String, LeaderElector> electors = new ConcurrentHashMap<>();
        ExecutorService runners = Executors.newFixedThreadPool(2);
        try {
            for (String identity : new String[] {"candidate-a", "candidate-b"}) {
                LeaderElector elector = new LeaderElector(new LeaderElectionConfig(
                        new LeaseLock(namespace(), "contract-lock", identity, client()), LEASE, RENEW_DEADLINE, RETRY));
                electors.put(identity, elector);
                runners.submit(() -> elector.run(() -> timeline.add("leads " + identity), () -> { }));
            }

            String first = timeline.poll(TAKEOVER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(first).as("a leader was elected").isNotNull();
            String leader = first.substring("leads ".length());
            assertThat(holder()).isEqualTo(leader);

            timeline.add("stopping " + leader);
            electors.get(leader).close();
            List<String> next = List.of(timeline.poll(TAKEOVER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS),
                    String.valueOf(timeline.poll(TAKEOVER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)));

            String standby = leader.equals("candidate-a") ? "candidate-b" : "candidate-a";
            assertThat(next).as("nobody else led before the leader stopped")
                    .containsExactly("stopping " + leader, "leads " + standby);
            assertThat(holder()).isEqualTo(standby);
        } finally {
            electors.values().forEach(LeaderElector::close);
            runners.shutdownNow();
        }
    }

    private String holder() throws Exception {
        return new CoordinationV1Api(client()).readNamespacedLease("contract-lock", namespace()).execute()
                .getSpec().getHolderIdentity();
    }
}
