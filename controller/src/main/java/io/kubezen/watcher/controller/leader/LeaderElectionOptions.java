package io.kubezen.watcher.controller.leader;

import java.time.Duration;
import java.util.Objects;

/**
 * The Lease this install's controllers compete for, and its timing; bound from {@code zen-watcher.leader.*}.
 *
 * @param identity      this process's name in the Lease; unique per process
 * @param leaseDuration how long a standby waits, after it last saw the lease renewed, before taking over
 * @param renewDeadline how long the leader keeps trying to renew before it steps down
 * @param retryPeriod   the pause between attempts to acquire or renew
 */
public record LeaderElectionOptions(String leaseName, String leaseNamespace, String identity,
                                    Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {

    /** Appended to the install's name for the default Lease name, {@code zen-watcher-controller} by default. */
    public static final String LEASE_NAME_SUFFIX = "-controller";
    public static final String DEFAULT_LEASE_NAMESPACE = "zen-system";
    public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(15);
    public static final Duration DEFAULT_RENEW_DEADLINE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETRY_PERIOD = Duration.ofSeconds(2);

    /** Messages name the {@code zen-watcher.leader.*} keys the values come from. */
    public LeaderElectionOptions {
        requireText(leaseName, "lease-name");
        requireText(leaseNamespace, "lease-namespace");
        requireText(identity, "identity");
        Objects.requireNonNull(leaseDuration, "lease-duration");
        Objects.requireNonNull(renewDeadline, "renew-deadline");
        Objects.requireNonNull(retryPeriod, "retry-period");
        if (retryPeriod.isZero() || retryPeriod.isNegative()) {
            throw new IllegalArgumentException("retry-period must be positive, was " + retryPeriod);
        }
        if (leaseDuration.getSeconds() < 1) {
            throw new IllegalArgumentException("lease-duration must be at least 1s, was " + leaseDuration);
        }
        // A leader that fails to renew stops its duties at the latest retry-period + renew-deadline after its
        // last renewal; a standby takes over lease-duration after it. The difference is the margin that keeps
        // two leaders from overlapping.
        if (renewDeadline.plus(retryPeriod).compareTo(leaseDuration) >= 0) {
            throw new IllegalArgumentException("renew-deadline (" + renewDeadline + ") plus retry-period ("
                    + retryPeriod + ") must be shorter than lease-duration (" + leaseDuration + ")");
        }
        if (renewDeadline.compareTo(retryPeriod) <= 0) {
            throw new IllegalArgumentException("renew-deadline (" + renewDeadline + ") must be longer than "
                    + "retry-period (" + retryPeriod + ")");
        }
    }

    /** The time an old leader has to stop its duties before a standby may start its own. */
    public Duration stepDownMargin() {
        return leaseDuration.minus(renewDeadline).minus(retryPeriod);
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
    }
}
