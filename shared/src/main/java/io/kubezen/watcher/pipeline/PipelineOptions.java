package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.normalize.NamespacePlacement;
import io.kubezen.watcher.normalize.Normalizer;

import java.time.Clock;
import java.util.Objects;

/**
 * Process-wide settings of every source's pipeline, chosen by the app that runs it.
 *
 * @param clock             gives {@code detectedAt} to events whose payload carries no time
 * @param fallbackNamespace where Observations go when a source configures no {@code destination.namespace};
 *                          the app passes the namespace it is installed in
 * @param maxDetailBytes    bound on each detail value's serialized size, {@code details.raw} included
 */
public record PipelineOptions(Clock clock, String fallbackNamespace, int maxDetailBytes) {

    public static final PipelineOptions DEFAULT = new PipelineOptions(Clock.systemUTC(),
            NamespacePlacement.DEFAULT_FALLBACK_NAMESPACE, Normalizer.DEFAULT_MAX_DETAIL_BYTES);

    public PipelineOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(fallbackNamespace, "fallbackNamespace");
        if (maxDetailBytes < 1) {
            throw new IllegalArgumentException("maxDetailBytes must be at least 1, got " + maxDetailBytes);
        }
    }

    public PipelineOptions withClock(Clock newClock) {
        return new PipelineOptions(newClock, fallbackNamespace, maxDetailBytes);
    }
}
