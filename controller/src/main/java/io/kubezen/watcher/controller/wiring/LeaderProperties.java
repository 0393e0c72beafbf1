package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.controller.leader.LeaderElectionOptions;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * {@code zen-watcher.leader.*}: the Lease the controllers compete for.
 *
 * @param enabled        false: lead alone without a Lease, for a controller run without Kubernetes
 * @param leaseName      absent: the install's name + {@value LeaderElectionOptions#LEASE_NAME_SUFFIX}, so two
 *                       installs in one namespace each elect their own leader
 * @param leaseNamespace absent: {@code POD_NAMESPACE}, else {@value LeaderElectionOptions#DEFAULT_LEASE_NAMESPACE}
 * @param identity       absent: {@code POD_NAME}, else the host name with a random suffix
 */
@ConfigurationProperties(LeaderProperties.PREFIX)
public record LeaderProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Nullable String leaseName,
        @Nullable String leaseNamespace,
        @Nullable String identity,
        @Bindable(defaultValue = "15s") Duration leaseDuration,
        @Bindable(defaultValue = "10s") Duration renewDeadline,
        @Bindable(defaultValue = "2s") Duration retryPeriod) {

    public static final String PREFIX = "zen-watcher.leader";

    LeaderElectionOptions toOptions(String install, Map<String, String> env, Supplier<String> hostname) {
        String namespace = leaseNamespace != null ? leaseNamespace
                : env.getOrDefault("POD_NAMESPACE", LeaderElectionOptions.DEFAULT_LEASE_NAMESPACE);
        String name = identity != null ? identity : env.get("POD_NAME");
        if (name == null) {
            // Two processes on one host (or two containers named alike) must still differ.
            name = hostname.get() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
        }
        try {
            String lease = leaseName != null ? leaseName : install + LeaderElectionOptions.LEASE_NAME_SUFFIX;
            return new LeaderElectionOptions(lease, namespace, name, leaseDuration, renewDeadline, retryPeriod);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid configuration under " + PREFIX + ": " + e.getMessage(), e);
        }
    }
}
