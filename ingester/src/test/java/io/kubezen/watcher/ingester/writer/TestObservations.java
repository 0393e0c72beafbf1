package io.kubezen.watcher.ingester.writer;

import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.model.Severity;

import java.time.Instant;
import java.util.Map;

/** Observations as the normalize stage hands them to the writer. */
public final class TestObservations {

    public static final Instant FIRST_SEEN = Instant.parse("2026-03-01T10:15:30.250Z");

    private TestObservations() {
    }

    public static Observation observation(String namespace, String source, Severity severity, String eventType) {
        ObservationSpec spec = new ObservationSpec(source, Category.SECURITY, severity, eventType,
                new ResourceRef("v1", "Pod", "web-0", namespace), "Shell spawned in a container",
                "A shell was spawned in container web of pod web-0.",
                Map.of("rule", "Terminal shell in container", "priority", 4),
                Instant.parse("2026-03-01T10:15:29Z"), "fp-" + eventType, null);
        return new Observation(namespace, Map.of(
                "zen.kube-zen.io/source", source,
                "zen.kube-zen.io/category", "security",
                "zen.kube-zen.io/severity", severity.wireName()), spec);
    }

    /** A write of an Observation whose spec carries {@code fingerprint}, first seen at {@link #FIRST_SEEN}. */
    public static ObservationWrite write(String namespace, String source, Severity severity, String fingerprint) {
        Observation observation = observation(namespace, source, severity, "runtime_threat");
        Observation fingerprinted = new Observation(namespace, observation.labels(),
                observation.spec().withFingerprint(fingerprint));
        return ObservationWrite.of(fingerprinted, fingerprint, FIRST_SEEN);
    }

    /** The same write, its spec carrying {@code ttlSecondsAfterCreation}. */
    public static ObservationWrite withTtl(ObservationWrite write, long seconds) {
        Observation observation = write.observation();
        return ObservationWrite.of(new Observation(observation.namespace(), observation.labels(),
                observation.spec().withTtlSecondsAfterCreation(seconds)), write.fingerprint(), write.firstSeen());
    }
}
