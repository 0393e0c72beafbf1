package io.kubezen.watcher.controller.wiring;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.controller.leader.LeaderDuties;
import io.kubezen.watcher.controller.leader.LeaderDuty;
import io.kubezen.watcher.controller.leader.LeaderElection;
import io.kubezen.watcher.controller.leader.LeaderElectionOptions;
import io.kubezen.watcher.controller.leader.kubernetes.LeaseLeaderElection;
import io.kubezen.watcher.controller.leader.solo.SoloLeaderElection;
import io.kubezen.watcher.install.Install;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;

/**
 * Leader election through a Lease with the micronaut-kubernetes-client {@link ApiClient} (in-cluster service
 * account, or kubeconfig outside a cluster), or alone when {@code zen-watcher.leader.enabled} is false.
 */
@Factory
final class LeaderFactory {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderFactory.class);
    private static final String ENABLED = LeaderProperties.PREFIX + ".enabled";

    @Singleton
    LeaderElectionOptions leaderElectionOptions(LeaderProperties properties, Install install) {
        return properties.toOptions(install.name(), System.getenv(), LeaderFactory::hostname);
    }

    @Singleton
    @Requires(property = ENABLED, notEquals = "false")
    LeaderElection leaseElection(LeaderElectionOptions options, ApiClient client, Clock clock) {
        return new LeaseLeaderElection(options, client, clock);
    }

    @Singleton
    @Requires(property = ENABLED, value = "false")
    LeaderElection soloElection(LeaderElectionOptions options, Clock clock) {
        LOG.warn("Leader election is off ({}=false): this process leads alone; run a single replica", ENABLED);
        return new SoloLeaderElection(options.identity(), clock);
    }

    @Singleton
    LeaderDuties leaderDuties(List<LeaderDuty> duties, LeadershipEvents events, LeaderElectionOptions options,
                              MeterRegistry registry) {
        return new LeaderDuties(duties, events, options.stepDownMargin(), registry);
    }

    private static String hostname() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "zen-watcher-controller";
        }
    }
}
