package io.kubezen.watcher.controller.projection;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * @param namespaces     watched namespaces; empty for all
 * @param resync         periodic re-sync of every Ingester; zero for none (changes only)
 * @param hmacSecretsDir where ingesters mount Secrets that hold HMAC keys, {@code <dir>/<secret>/<key>}
 * @param bcryptCost     work factor of the bcrypt hashes projected for basic-auth passwords
 */
public record ProjectionOptions(List<String> namespaces, Duration resync, Path hmacSecretsDir, int bcryptCost) {

    public static final Duration DEFAULT_RESYNC = Duration.ZERO;
    public static final Path DEFAULT_HMAC_SECRETS_DIR = Path.of("/etc/zen-watcher/hmac");
    public static final int DEFAULT_BCRYPT_COST = 10;

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
    }
}
