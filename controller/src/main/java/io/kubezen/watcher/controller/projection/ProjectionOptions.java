package io.kubezen.watcher.controller.projection;

import io.kubezen.watcher.dedup.TrafficBuckets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * @param namespaces     watched namespaces; empty for all
 * @param resync         periodic re-sync of every Ingester; zero for none (changes only)
 * @param hmacSecretsDir where ingesters mount Secrets that hold HMAC keys, {@code <dir>/<secret>/<key>}
 * @param bcryptCost     work factor of the bcrypt hashes projected for basic-auth passwords
 * @param lastEventInterval how often the leader brings the Ingesters' {@code status.lastEventAt} up to date
 */
public record ProjectionOptions(List<String> namespaces, Duration resync, Path hmacSecretsDir, int bcryptCost,
                                Duration lastEventInterval) {

    public static final Duration DEFAULT_RESYNC = Duration.ZERO;
    public static final Path DEFAULT_HMAC_SECRETS_DIR = Path.of("/etc/zen-watcher/hmac");
    public static final int DEFAULT_BCRYPT_COST = 10;
    public static final Duration DEFAULT_LAST_EVENT_INTERVAL = Duration.ofSeconds(30);

    public ProjectionOptions {
        namespaces = List.copyOf(namespaces);
        Objects.requireNonNull(resync, "resync");
        Objects.requireNonNull(hmacSecretsDir, "hmacSecretsDir");
        if (resync.isNegative()) {
            throw new IllegalArgumentException("resync may not be negative, was " + resync);
        }
        if (!hmacSecretsDir.isAbsolute()) {
            throw new IllegalArgumentException("hmac-secrets-dir must be an absolute path, was " + hmacSecretsDir);
        }
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("bcrypt-cost must be between 4 and 31, was " + bcryptCost);
        }
        // Beyond the retention, traffic buckets could expire between two looks and an event go unseen.
        if (lastEventInterval == null || lastEventInterval.compareTo(Duration.ofSeconds(1)) < 0
                || lastEventInterval.compareTo(TrafficBuckets.DEFAULT_RETENTION) > 0) {
            throw new IllegalArgumentException("last-event-interval must be between 1s and the traffic counters' "
                    + "retention of " + TrafficBuckets.DEFAULT_RETENTION.getSeconds() + "s, was " + lastEventInterval);
        }
    }
}
