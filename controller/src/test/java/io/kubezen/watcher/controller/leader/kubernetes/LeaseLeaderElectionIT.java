package io.kubezen.watcher.controller.leader.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.controller.leader.DutyLog;
import io.kubezen.watcher.controller.leader.LeaderDuties;
import io.kubezen.watcher.controller.leader.LeaderElection;
import io.kubezen.watcher.controller.leader.LeadershipLost;
import io.kubezen.watcher.controller.leader.RecordingListener;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.kube.Fault;
import io.kubezen.watcher.testing.kube.TestApiServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lease election against the in-process API server, including a renewal that keeps failing on cue. */
class LeaseLeaderElectionIT extends LeaseLeaderElectionContract {

    private static final String NAMESPACE = "zen-system";
    private static TestApiServer server;

    @BeforeAll
    static void startServer() {
        server = TestApiServer.builder().namespaces(NAMESPACE).build().start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected ApiClient client() {
        return server.apiClient();
    }

    @Override
    protected String leaseNamespace() {
        return NAMESPACE;
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
}
