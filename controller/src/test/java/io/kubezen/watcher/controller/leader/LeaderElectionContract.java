package io.kubezen.watcher.controller.leader;

import io.kubezen.watcher.testing.Await;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/** What every {@link LeaderElection} promises a single process; subclassed once per implementation. */
public abstract class LeaderElectionContract {

    protected static final Duration ELECTION_TIMEOUT = Duration.ofSeconds(20);

    /** A new, unstarted election campaigning as {@code identity}; the subclass closes it after the test. */
    protected abstract LeaderElection election(String identity);

    @Test
    void aLoneCandidateLeadsUntilItCloses() {
        LeaderElection election = election("controller-a");
        RecordingListener listener = new RecordingListener();

        election.start(listener);
        Await.until("controller-a leads", ELECTION_TIMEOUT, listener::isLeading);
        election.close();

        assertThat(listener.events()).hasSize(2);
        assertThat(listener.events().get(0)).asInstanceOf(type(LeadershipAcquired.class))
                .extracting(LeadershipAcquired::identity).isEqualTo("controller-a");
        assertThat(listener.events().get(1)).as("lost before close returned")
                .asInstanceOf(type(LeadershipLost.class))
                .extracting(LeadershipLost::identity).isEqualTo("controller-a");
    }

    @Test
    void closingTwiceOrWithoutStartingIsHarmless() {
        LeaderElection unstarted = election("controller-a");
        unstarted.close();
        unstarted.close();

        LeaderElection started = election("controller-b");
        RecordingListener listener = new RecordingListener();
        started.start(listener);
        Await.until("controller-b leads", ELECTION_TIMEOUT, listener::isLeading);
        started.close();
        started.close();

        assertThat(listener.events()).hasSize(2);
    }

    @Test
    void anElectionStartsOnce() {
        LeaderElection election = election("controller-a");
        election.start(new RecordingListener());

        assertThatThrownBy(() -> election.start(new RecordingListener())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void identityIsTheOneItCampaignsAs() {
        assertThat(election("controller-a").identity()).isEqualTo("controller-a");
    }
}
