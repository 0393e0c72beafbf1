package io.kubezen.watcher.controller.leader.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1LeaseSpec;
import io.kubezen.watcher.controller.leader.DutyLog;
import io.kubezen.watcher.controller.leader.LeaderDuties;
import io.kubezen.watcher.controller.leader.LeaderElection;
import io.kubezen.watcher.controller.leader.LeaderElectionContract;
import io.kubezen.watcher.controller.leader.LeaderElectionOptions;
import io.kubezen.watcher.controller.leader.RecordingListener;
import io.kubezen.watcher.testing.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lease election through client-java with short timings, against an API server: the election contract, and two
 * candidates failing over within the lease. Subclassed per API server.
 */
abstract class LeaseLeaderElectionContract extends LeaderElectionContract {

    protected static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration RENEW_DEADLINE = Duration.ofSeconds(2);
    private static final Duration RETRY = Duration.ofMillis(200);
    private static final AtomicInteger LEASES = new AtomicInteger();

    protected final String leaseName = "controller-" + LEASES.incrementAndGet();
    private final List<LeaderElection> elections = new ArrayList<>();

    /** A client of the server. */
    protected abstract ApiClient client();

    /** The namespace the Lease lives in; it exists. */
    protected abstract String leaseNamespace();

    @AfterEach
    void closeElections() {
        elections.forEach(LeaderElection::close);
    }

    @Override
    protected LeaderElection election(String identity) {
        LeaderElection election = new LeaseLeaderElection(
                new LeaderElectionOptions(leaseName, leaseNamespace(), identity, LEASE, RENEW_DEADLINE, RETRY),
                client(), Clock.systemUTC());
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
        assertThat(lease().getHolderIdentity()).isEqualTo(leader.election.identity());

        Instant stopped = Instant.now();
        leader.election.close();
        Await.until("the standby takes over", ELECTION_TIMEOUT, standby::isLeading);

        assertThat(Duration.between(stopped, Instant.now())).isLessThan(LEASE);
        assertThat(lease().getHolderIdentity()).isEqualTo(standby.election.identity());
        assertThat(log.intervals()).extracting(DutyLog.Interval::process)
                .containsExactly(leader.election.identity());
        standby.election.close();
        log.assertNeverOverlapped();
        assertThat(log.intervals()).hasSize(2);
    }

    protected LeaderElectionOptions electionOptions() {
        return new LeaderElectionOptions(leaseName, leaseNamespace(), "any", LEASE, RENEW_DEADLINE, RETRY);
    }

    protected V1LeaseSpec lease() throws Exception {
        return new CoordinationV1Api(client()).readNamespacedLease(leaseName, leaseNamespace()).execute().getSpec();
    }

    private Candidate candidate(String identity, DutyLog log) {
        LeaderElection election = election(identity);
        RecordingListener events = new RecordingListener();
        election.start(new LeaderDuties(List.of(log.duty(identity)), events, electionOptions().stepDownMargin(),
                new SimpleMeterRegistry()));
        return new Candidate(election, events);
    }

    private record Candidate(LeaderElection election, RecordingListener events) {
        boolean isLeading() {
            return events.isLeading();
        }
    }
}
