package io.kubezen.watcher.ingester.wiring;

import io.kubezen.watcher.ingester.writer.WriteRails;
import io.kubezen.watcher.ingester.writer.throttle.RetryPolicy;
import io.kubezen.watcher.ingester.writer.throttle.WriteThrottle;
import io.kubezen.watcher.install.Install;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The writer's settings under {@code zen-watcher.writer}. Every key is optional; an absent one takes its
 * {@code DEFAULT_*}. A wrong one fails start-up with a message that names the key.
 *
 * @param qps               API writes per second for the whole process, after the burst
 * @param burst             API writes that may go at once
 * @param maxAttempts       in-process tries of a retryable write, the first included
 * @param backoffInitial    ceiling of the first retry wait; doubles per retry
 * @param backoffMax        largest retry wait ceiling
 * @param allowedResources  resource types the writer may create, as {@code plural.group}
 * @param allowedNamespaces namespaces the writer may write to; empty for all
 * @param localSinkPath     the JSON-lines file of the embedded default sink
 * @param allowUnauthenticatedReads lets the local sink's {@code GET /api/v1/observations} answer without the
 *                          admin token; on in the {@code dev} environment only
 */
@ConfigurationProperties(WriterProperties.PREFIX)
public record WriterProperties(
        @Nullable Double qps,
        @Nullable Integer burst,
        @Nullable Integer maxAttempts,
        @Nullable Duration backoffInitial,
        @Nullable Duration backoffMax,
        @Nullable List<String> allowedResources,
        @Nullable List<String> allowedNamespaces,
        @Nullable String localSinkPath,
        @Nullable Boolean allowUnauthenticatedReads) {

    public static final String PREFIX = "zen-watcher.writer";
    public static final String DEFAULT_LOCAL_SINK_PATH = "./data/observations.jsonl";

    public WriterProperties {
        qps = qps == null ? WriteThrottle.DEFAULT_QPS : qps;
        burst = burst == null ? WriteThrottle.DEFAULT_BURST : burst;
        maxAttempts = maxAttempts == null ? RetryPolicy.DEFAULT_MAX_ATTEMPTS : maxAttempts;
        backoffInitial = backoffInitial == null ? RetryPolicy.DEFAULT_BACKOFF_INITIAL : backoffInitial;
        backoffMax = backoffMax == null ? RetryPolicy.DEFAULT_BACKOFF_MAX : backoffMax;
        allowedResources = allowedResources == null ? WriteRails.DEFAULT_ALLOWED_RESOURCES : List.copyOf(allowedResources);
        allowedNamespaces = allowedNamespaces == null ? List.of() : List.copyOf(allowedNamespaces);
        localSinkPath = localSinkPath == null || localSinkPath.isBlank() ? DEFAULT_LOCAL_SINK_PATH : localSinkPath;
        allowUnauthenticatedReads = allowUnauthenticatedReads != null && allowUnauthenticatedReads;

        require(qps > 0 && !qps.isInfinite(), "qps", "a positive number", qps);
        require(burst >= 1, "burst", "at least 1", burst);
        require(maxAttempts >= 1, "max-attempts", "at least 1", maxAttempts);
        require(backoffInitial.compareTo(Duration.ZERO) > 0, "backoff-initial", "a positive duration such as 200ms", backoffInitial);
        require(backoffMax.compareTo(backoffInitial) >= 0, "backoff-max", "at least backoff-initial (" + backoffInitial + ")", backoffMax);
        require(!allowedResources.isEmpty(), "allowed-resources", "a non-empty list", allowedResources);
        // Fails here, at start-up, when a never-writable resource is configured.
        new WriteRails(allowedResources, allowedNamespaces);
    }

    /** @param install the rails keep writes within its namespaces too */
    public WriteRails rails(Install install) {
        return new WriteRails(allowedResources, allowedNamespaces, install);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, backoffInitial, backoffMax);
    }

    public Path localSinkFile() {
        return Path.of(localSinkPath);
    }

    private static void require(boolean valid, String key, String expected, Object actual) {
        if (!valid) {
            throw new IllegalArgumentException(PREFIX + "." + key + " must be " + expected + ", was " + actual);
        }
    }
}
