package io.kubezen.watcher.projection;

import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.SpecJson;
import io.kubezen.watcher.testing.Await;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ConfigProjection} guarantees, run against each implementation. */
public abstract class ConfigProjectionContract {

    /** How long a listener in another process may take to hear of a publication, on every topology. */
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final IngesterSpec FALCO = SpecJson.convert(Map.of("source", "falco", "type", "falco",
            "filter", Map.of("minSeverity", "high"), "dedup", Map.of("fingerprintFields", List.of("rule"))));

    protected ConfigProjection projection;

    protected abstract ConfigProjection create();

    /** Another process's view of the same projection. */
    protected abstract ConfigProjection secondProcess();

    @BeforeEach
    void createProjection() {
        projection = create();
    }

    @Test
    void nothingPublishedReadsAsEmptyVersionZero() {
        assertThat(projection.read()).isEqualTo(ProjectedConfig.EMPTY);
    }

    @Test
    void aPublicationIsReadBackWholeWithTheNextVersion() {
        long first = projection.publish(Map.of("zen/falco", FALCO));
        long second = projection.publish(Map.of("zen/falco", FALCO, "zen/other",
                SpecJson.convert(Map.of("source", "other", "type", "webhook"))));

        assertThat(second).isEqualTo(first + 1);
        ProjectedConfig read = secondProcess().read();
        assertThat(read.version()).isEqualTo(second);
        assertThat(read.sources()).containsOnlyKeys("zen/falco", "zen/other");
        assertThat(read.sources().get("zen/falco")).isEqualTo(FALCO);
    }

    @Test
    void anEmptyPublicationRemovesEverySource() {
        projection.publish(Map.of("zen/falco", FALCO));
        long version = projection.publish(Map.of());

        assertThat(projection.read()).isEqualTo(new ProjectedConfig(version, Map.of(), Map.of()));
    }

    @Test
    void listenersInAnotherProcessHearOfEachPublicationUntilTheyStop() throws Exception {
        AtomicInteger notices = new AtomicInteger();
        AutoCloseable listening = secondProcess().listen(notices::incrementAndGet);

        projection.publish(Map.of("zen/falco", FALCO));
        Await.until("the first notice", WAIT, () -> notices.get() == 1);
        listening.close();
        projection.publish(Map.of());
        AtomicInteger after = new AtomicInteger();
        try (AutoCloseable again = secondProcess().listen(after::incrementAndGet)) {
            projection.publish(Map.of("zen/falco", FALCO));
            Await.until("a notice to the new listener", WAIT, () -> after.get() == 1);
        }

        assertThat(notices).hasValue(1);
    }
}
