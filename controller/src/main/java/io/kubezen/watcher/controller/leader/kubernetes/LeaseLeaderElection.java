package io.kubezen.watcher.controller.leader.kubernetes;

import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1LeaseSpec;
import io.kubezen.watcher.controller.leader.LeaderElection;
import io.kubezen.watcher.controller.leader.LeaderElectionOptions;
import io.kubezen.watcher.controller.leader.LeadershipAcquired;
import io.kubezen.watcher.controller.leader.LeadershipListener;
import io.kubezen.watcher.controller.leader.LeadershipLost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Leadership through a {@code coordination.k8s.io/v1} Lease, with client-java's {@link LeaderElector}. Its
 * renew deadline makes a leader that cannot renew (API server unreachable, too slow) step down on its own, and
 * a standby only takes a lease it saw unrenewed for the whole lease duration; {@link LeaderElectionOptions}
 * keeps the first shorter than the second. A {@link LeaderElector} campaigns once, so after each lost term
 * this class starts a new one: a process that lost its lease stands by again.
 */
public final class LeaseLeaderElection implements LeaderElection {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseLeaderElection.class);

    private final LeaderElectionOptions options;
    private final ApiClient client;
    private final Clock clock;
    /** Serialises transitions and close, so a late start hook can never follow the stop hook of its term. */
    private final Object transitions = new Object();
    private LeadershipListener listener = LeadershipListener.NOOP;
    private Thread campaign;
    private LeaderElector elector;
    private Term current;
    private boolean closed;

    public LeaseLeaderElection(LeaderElectionOptions options, ApiClient client, Clock clock) {
        this.options = options;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public String identity() {
        return options.identity();
    }

    @Override
    public void start(LeadershipListener leadershipListener) {
        synchronized (transitions) {
            if (campaign != null || closed) {
                throw new IllegalStateException("the election was already started or closed");
            }
            listener = leadershipListener;
            campaign = new Thread(this::campaign, "leader-election");
            campaign.setDaemon(true);
            campaign.start();
        }
        LOG.info("Campaigning for lease {}/{} as {}", options.leaseNamespace(), options.leaseName(), identity());
    }

    @Override
    public void close() {
        LeaderElector last;
        Thread thread;
        boolean wasLeading;
        synchronized (transitions) {
            if (closed) {
                return;
            }
            closed = true;
            wasLeading = current != null && current.leading;
            if (current != null) {
                end(current);
            }
            last = elector;
            thread = campaign;
        }
        if (last != null) {
            // Shuts the elector's workers down, then hands the lease back if this process holds it.
            last.close();
        }
        if (wasLeading) {
            release();
        }
        if (thread != null && !join(thread, options.retryPeriod().multipliedBy(2))) {
            // A standby waits in the elector's acquire loop, which only an interrupt ends.
            thread.interrupt();
            if (!join(thread, options.renewDeadline())) {
                LOG.warn("The leader election thread did not stop within {}", options.renewDeadline());
            }
        }
    }

    private void campaign() {
        while (true) {
            Term term = new Term();
            LeaderElector next;
            synchronized (transitions) {
                if (closed) {
                    return;
                }
                next = new LeaderElector(config(), failure -> LOG.debug("Lease attempt failed", failure));
                elector = next;
                current = term;
            }
            // Returns once the lease is lost, or when close() interrupts or shuts the elector down.
            next.run(() -> begin(term), () -> end(term));
            synchronized (transitions) {
                if (closed) {
                    return;
                }
            }
            next.close();
        }
    }

    private LeaderElectionConfig config() {
        LeaseLock lock = new LeaseLock(options.leaseNamespace(), options.leaseName(), options.identity(), client);
        return new LeaderElectionConfig(lock, options.leaseDuration(), options.renewDeadline(), options.retryPeriod());
    }

    /** The elector's start hook, on its hook thread; may run after the stop hook when the term was short. */
    private void begin(Term term) {
        synchronized (transitions) {
            if (term.over || closed) {
                return;
            }
            term.leading = true;
            listener.acquired(new LeadershipAcquired(identity(), clock.instant()));
        }
    }

    /** The elector's stop hook, also called when it never led; and close(). */
    private void end(Term term) {
        synchronized (transitions) {
            term.over = true;
            if (!term.leading) {
                return;
            }
            term.leading = false;
            listener.lost(new LeadershipLost(identity(), clock.instant()));
        }
    }

    /**
     * Clears the holder if this process still holds the lease. {@link LeaderElector#close()} tries the same, but
     * with the version of its last renewal it knows of: when closing interrupted a renewal whose write had
     * already landed, that version is stale and its attempt fails with 409. Reading first makes the hand-over
     * immediate either way; the write carries the version read, so it cannot clear another holder's lease.
     */
    private void release() {
        CoordinationV1Api api = new CoordinationV1Api(client);
        try {
            V1Lease lease = api.readNamespacedLease(options.leaseName(), options.leaseNamespace()).execute();
            V1LeaseSpec spec = lease.getSpec();
            if (spec != null && identity().equals(spec.getHolderIdentity())) {
                spec.holderIdentity(null).acquireTime(null).renewTime(null);
                api.replaceNamespacedLease(options.leaseName(), options.leaseNamespace(), lease).execute();
            }
            LOG.info("Released lease {}/{}", options.leaseNamespace(), options.leaseName());
        } catch (ApiException e) {
            LOG.warn("Could not release lease {}/{} (HTTP {}); a standby takes over once it expires",
                    options.leaseNamespace(), options.leaseName(), e.getCode());
        }
    }

    /** Whether {@code thread} ended within {@code timeout}. */
    private static boolean join(Thread thread, Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** One LeaderElector's campaign. Guarded by {@code transitions}. */
    private static final class Term {
        private boolean over;
        private boolean leading;
    }
}
