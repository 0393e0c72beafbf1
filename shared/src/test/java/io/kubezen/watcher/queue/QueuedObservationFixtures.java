package io.kubezen.watcher.queue;

import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.model.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Realistic queue entries for tests: a Falco-like event per pod, fingerprints {@code fp-0}, {@code fp-1}, … */
public final class QueuedObservationFixtures {

    public static final Instant FIRST_SEEN = Instant.parse("2025-01-01T00:00:00.123Z");

    private QueuedObservationFixtures() {
    }

    public static List<QueuedObservation> entries(String source, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new QueuedObservation(observation(source, i), "fp-" + i, FIRST_SEEN))
                .toList();
    }

    private static Observation observation(String source, int i) {
        ObservationSpec spec = new ObservationSpec(source, Category.SECURITY, Severity.HIGH, "runtime-threat",
                new ResourceRef("v1", "Pod", "web-" + i, "shop"), "Shell in container", "A shell was spawned",
                Map.of("rule", "Terminal shell in container", "priority", "Warning", "pid", 4242),
                Instant.parse("2025-01-01T00:00:00Z"), "fp-" + i, 86_400L);
        return new Observation("shop", Map.of("zen.kube-zen.io/source", source), spec);
    }
}
