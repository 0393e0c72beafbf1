package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.controller.leader.DutyLog;
import io.kubezen.watcher.controller.leader.LeaderDuties;
import io.kubezen.watcher.controller.leader.LeaderDuty;
import io.kubezen.watcher.controller.leader.LeaderElection;
import io.kubezen.watcher.controller.leader.LeadershipTerm;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.kube.TestApiServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two controller apps in one JVM, wired as in production (micronaut-kubernetes-client pointed at the test API
 * server): one leads, both are ready, and shutting the leader down hands over within the lease duration.
 */
class ControllerLeadershipIT {

    private static final String SPEC = "ControllerLeadershipIT";
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Shared by both apps' {@link LoggedDuty}, so it sees every term of either. */
    private static final DutyLog LOG = new DutyLog();
    private static TestApiServer server;

    private final List<ApplicationContext> controllers = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = TestApiServer.builder().namespaces("zen-system").build().start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void stopControllers() {
        controllers.forEach(ApplicationContext::close);
    }

    @Test
    void oneOfTwoControllersLeadsAndShuttingItDownHandsOver() {
        ApplicationContext a = controller("controller-a");
        ApplicationContext b = controller("controller-b");
        Await.until("a leader is elected", TIMEOUT, () -> leading(a) || leading(b));
        ApplicationContext leader = leading(a) ? a : b;
        ApplicationContext standby = leader == a ? b : a;
        assertThat(leading(standby)).isFalse();
        assertThat(readiness(leader)).isEqualTo(HealthStatus.UP);
        assertThat(readiness(standby)).as("a standby is ready").isEqualTo(HealthStatus.UP);

        Instant shutdown = Instant.now();
        leader.close();
        Await.until("the standby leads", TIMEOUT, () -> leading(standby));

        assertThat(Duration.between(shutdown, Instant.now())).isLessThan(LEASE);
        standby.close();
        LOG.assertNeverOverlapped();
        assertThat(LOG.intervals()).hasSize(2);
    }

    private ApplicationContext controller(String identity) {
        ApplicationContext context = ApplicationContext.run(Map.of(
                "spec.name", SPEC,
                "kubernetes.client.base-path", server.baseUrl(),
                // ApplicationContext.run deduces the test environment, whose configuration turns election off.
                "zen-watcher.leader.enabled", "true",
                "zen-watcher.leader.identity", identity,
                "zen-watcher.leader.lease-namespace", "zen-system",
                "zen-watcher.leader.lease-duration", LEASE.toMillis() + "ms",
                "zen-watcher.leader.renew-deadline", "2s",
                "zen-watcher.leader.retry-period", "200ms"));
        controllers.add(context);
        return context;
    }

    private static boolean leading(ApplicationContext controller) {
        return controller.isRunning() && controller.getBean(LeaderDuties.class).isLeading();
    }

    /** The indicator answers synchronously, so its one result is there once subscribe returns. */
    private static HealthStatus readiness(ApplicationContext controller) {
        AtomicReference<HealthResult> result = new AtomicReference<>();
        controller.getBean(LeadershipReadiness.class).getResult().subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(HealthResult next) {
                result.set(next);
            }

            @Override
            public void onError(Throwable failure) {
                throw new AssertionError(failure);
            }

            @Override
            public void onComplete() {
            }
        });
        return result.get().getStatus();
    }

    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static final class LoggedDuty implements LeaderDuty {

        private final LeaderDuty delegate;

        LoggedDuty(LeaderElection election) {
            this.delegate = LOG.duty(election.identity());
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public void lead(LeadershipTerm term) throws InterruptedException {
            delegate.lead(term);
        }
    }
}
