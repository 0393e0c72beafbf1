package io.kubezen.watcher.testing.kube;

import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
        BlockingQueue<String> started = new LinkedBlockingQueue<>();
        AtomicInteger leading = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Map<String, LeaderElector> electors = new ConcurrentHashMap<>();
        ExecutorService runners = Executors.newFixedThreadPool(2);
        try {
            for (String identity : new String[] {"candidate-a", "candidate-b"}) {
                LeaderElector elector = new LeaderElector(new LeaderElectionConfig(
                        new LeaseLock(namespace(), "contract-lock", identity, client()), LEASE, RENEW_DEADLINE, RETRY));
                electors.put(identity, elector);
                runners.submit(() -> elector.run(() -> {
                    mostAtOnce.accumulateAndGet(leading.incrementAndGet(), Math::max);
                    started.add(identity);
                }, leading::decrementAndGet));
            }

            String first = started.poll(TAKEOVER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(first).as("a leader was elected").isNotNull();
            assertThat(holder()).isEqualTo(first);

            electors.get(first).close();
            String second = started.poll(TAKEOVER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(second).as("the standby took over").isNotNull().isNotEqualTo(first);
            assertThat(holder()).isEqualTo(second);
            assertThat(mostAtOnce.get()).as("leaders at the same time").isEqualTo(1);
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
