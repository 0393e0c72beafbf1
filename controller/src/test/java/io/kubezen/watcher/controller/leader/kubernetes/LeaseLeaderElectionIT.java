package io.kubezen.watcher.controller.leader.kubernetes;

import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1LeaseSpec;
import io.kubezen.watcher.controller.leader.DutyLog;
import io.kubezen.watcher.controller.leader.LeaderDuties;
import io.kubezen.watcher.controller.leader.LeaderElection;
import io.kubezen.watcher.controller.leader.LeaderElectionContract;
import io.kubezen.watcher.controller.leader.LeaderElectionOptions;
import io.kubezen.watcher.controller.leader.LeadershipLost;
import io.kubezen.watcher.controller.leader.RecordingListener;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.kube.Fault;
import io.kubezen.watcher.testing.kube.TestApiServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Lease election through client-java against the in-process API server, with short timings. */
class LeaseLeaderElectionIT extends LeaderElectionContract {

    private static final String NAMESPACE = "zen-system";
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration RENEW_DEADLINE = Duration.ofSeconds(2);
    private static final Duration RETRY = Duration.ofMillis(200);
    private static final AtomicInteger LEASES = new AtomicInteger();
    private static TestApiServer server;

    private final String leaseName = "controller-" + LEASES.incrementAndGet();
    private final List<LeaderElection> elections = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = TestApiServer.builder().namespaces(NAMESPACE).build().start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeElections() {
        elections.forEach(LeaderElection::close);
    }

    @Override
    protected LeaderElection election(String identity) {
        LeaderElection election = new LeaseLeaderElection(
                new LeaderElectionOptions(leaseName, NAMESPACE, identity, LEASE, RENEW_DEADLINE, RETRY),
                server.apiClient(), Clock.systemUTC());
        elections.add(election);
        return election;
    }

    @Test
    void ofTwoCandidatesOneLeadsAndTheOtherTakesOverWithinTheLeaseWhenItStops() throws Exception {
        DutyLog log = new DutyLog();
        Candidate a = candidate("controller-a", log);
        Candidate b = candidate("controller-b", log);

        Await.until("a leader is elected", ELECTION_TIMEOUT, () -> a.isLeading() || b.isLeading());
        Candidate leader = a.isLeading() ? a : b;
        Candidate standby = leader == a ? b : a;
        assertThat(standby.isLeading()).isFalse();
        assertThat(holder()).isEqualTo(leader.election.identity());

        Instant stopped = Instant.now();
        leader.election.close();
        Await.until("the standby takes over", ELECTION_TIMEOUT, standby::isLeading);

        assertThat(Duration.between(stopped, Instant.now())).isLessThan(LEASE);
        assertThat(holder()).isEqualTo(standby.election.identity());
        assertThat(log.intervals()).extracting(DutyLog.Interval::process)
                .containsExactly(leader.election.identity());
        standby.election.close();
        log.assertNeverOverlapped();
        assertThat(log.intervals()).hasSize(2);
    }

    @Test
    void aLeaderThatCannotRenewStepsDownBeforeItsLeaseRunsOutAndCampaignsAgain() throws Exception {
        DutyLog log = new DutyLog();
        RecordingListener events = new RecordingListener();
        LeaderElection election = election("controller-a");
        election.start(new LeaderDuties(List.of(log.duty("controller-a")), events, electionOptions().stepDownMargin(),
                new SimpleMeterRegistry()));
        Await.until("controller-a leads", ELECTION_TIMEOUT, events::isLeading);

        server.inject(Fault.status(503).on("PUT", ".*/leases/" + leaseName).times(1_000_000));
        Await.until("controller-a steps down", LEASE.multipliedBy(2), () -> !events.isLeading());

        Instant lastRenewal = lease().getRenewTime().toInstant();
        LeadershipLost lost = (LeadershipLost) events.events().get(1);
        assertThat(lost.at()).isBefore(lastRenewal.plus(LEASE));
        assertThat(log.intervals()).singleElement()
                .satisfies(term -> assertThat(term.end()).isBefore(lastRenewal.plus(LEASE)));
        int readsAfterStepDown = server.requestCount("GET", ".*/leases/" + leaseName);
        Await.until("controller-a campaigns again", ELECTION_TIMEOUT,
                () -> server.requestCount("GET", ".*/leases/" + leaseName) > readsAfterStepDown);
    }

    private Candidate candidate(String identity, DutyLog log) {
        LeaderElection election = election(identity);
        RecordingListener events = new RecordingListener();
        election.start(new LeaderDuties(List.of(log.duty(identity)), events, electionOptions().stepDownMargin(),
                new SimpleMeterRegistry()));
        return new Candidate(election, events);
    }

    private LeaderElectionOptions electionOptions() {
        return new LeaderElectionOptions(leaseName, NAMESPACE, "any", LEASE, RENEW_DEADLINE, RETRY);
    }

    private String holder() throws Exception {
        return lease().getHolderIdentity();
    }

    private V1LeaseSpec lease() throws Exception {
        return new CoordinationV1Api(server.apiClient()).readNamespacedLease(leaseName, NAMESPACE).execute().getSpec();
    }

    private record Candidate(LeaderElection election, RecordingListener events) {
        boolean isLeading() {
            return events.isLeading();
        }
    }
}
