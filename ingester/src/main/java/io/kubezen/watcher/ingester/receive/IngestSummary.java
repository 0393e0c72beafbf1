package io.kubezen.watcher.ingester.receive;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The 202 answer: what became of the request's events. {@code received = accepted + duplicates + filtered}.
 *
 * @param accepted events now durably queued to become Observations
 */
@Serdeable
public record IngestSummary(String source, int received, int accepted, int duplicates, int filtered) {
}
