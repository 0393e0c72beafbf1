package io.kubezen.watcher.controller.tuning;

import io.kubezen.watcher.dedup.DedupWindows;
import io.kubezen.watcher.dedup.memory.InMemoryDedupWindows;
import io.kubezen.watcher.store.StoreUnavailableException;
import io.kubezen.watcher.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowTunerTest {

    private static final Duration CONFIGURED = Duration.ofSeconds(900);
    private static final Duration COOLDOWN = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final InMemoryDedupWindows windows = new InMemoryDedupWindows();
    private final WindowTuner tuner = new WindowTuner(TierPolicy.defaults(), COOLDOWN, windows, clock);

    @Test
    void theFirstDecisionOfATermPublishesTheRatesTier() {
        Optional<WindowChange> change = tuner.tune("falco", 70, false);

        assertThat(change).contains(new WindowChange.Published("falco", Duration.ofSeconds(120), null, 70));
        assertThat(published("falco")).isEqualTo(Duration.ofSeconds(120));
        assertThat(tuner.tunedSources()).containsExactly("falco");
    }

    @Test
    void anUnchangedTierPublishesNothing() {
        tuner.tune("falco", 10, false);
        clock.advance(COOLDOWN);

        assertThat(tuner.tune("falco", 40, false)).isEmpty();
    }

    @Test
    void aRateChangeMovesTheWindowOnceTheCooldownHasPassed() {
        tuner.tune("falco", 10, false);

        clock.advance(COOLDOWN.minusSeconds(1));
        assertThat(tuner.tune("falco", 800, false)).as("still cooling down").isEmpty();
        assertThat(published("falco")).isEqualTo(Duration.ofSeconds(300));

        clock.advance(Duration.ofSeconds(1));
        assertThat(tuner.tune("falco", 800, false))
                .contains(new WindowChange.Published("falco", Duration.ofSeconds(60), Duration.ofSeconds(300), 800));
        assertThat(published("falco")).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aRateHoveringAroundAThresholdDoesNotFlap() {
        tuner.tune("falco", 48, false);
        for (double rate : new double[] {51, 49, 53, 47, 54, 46}) {
            clock.advance(COOLDOWN);
            assertThat(tuner.tune("falco", rate, false)).as("%s events/s", rate).isEmpty();
        }
        assertThat(published("falco")).isEqualTo(Duration.ofSeconds(300));

        clock.advance(COOLDOWN);
        assertThat(tuner.tune("falco", 56, false)).isPresent();
        clock.advance(COOLDOWN);
        assertThat(tuner.tune("falco", 47, false)).as("back below 50, but not by the margin").isEmpty();
        assertThat(published("falco")).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void cooldownIsPerSource() {
        tuner.tune("falco", 10, false);
        clock.advance(COOLDOWN);
        tuner.tune("falco", 800, false);
        tuner.tune("kube-audit", 10, false);

        assertThat(tuner.tune("kube-audit", 800, false)).as("changed just now").isEmpty();
        clock.advance(COOLDOWN);
        assertThat(tuner.tune("kube-audit", 800, false)).isPresent();
        assertThat(tuner.tune("falco", 10, false)).isPresent();
    }

    @Test
    void aPinnedSourceIsWithdrawnOnceAndNeverTuned() {
        tuner.tune("falco", 800, false);

        assertThat(tuner.tune("falco", 800, true)).contains(new WindowChange.Withdrawn("falco"));
        assertThat(published("falco")).as("the configured window applies").isEqualTo(CONFIGURED);
        assertThat(tuner.tune("falco", 10, true)).isEmpty();
        assertThat(tuner.tunedSources()).isEmpty();
    }

    @Test
    void anUnpinnedSourceIsTunedAgainFromScratch() {
        tuner.tune("falco", 800, true);

        assertThat(tuner.tune("falco", 800, false))
                .contains(new WindowChange.Published("falco", Duration.ofSeconds(60), null, 800));
    }

    @Test
    void aFailedPublishIsTriedAgainNextStep() {
        FailingOnce failing = new FailingOnce(windows);
        WindowTuner flaky = new WindowTuner(TierPolicy.defaults(), COOLDOWN, failing, clock);

        failing.failNext = true;
        assertThatThrownBy(() -> flaky.tune("falco", 800, false)).isInstanceOf(StoreUnavailableException.class);
        assertThat(flaky.tunedSources()).isEmpty();

        assertThat(flaky.tune("falco", 800, false)).isPresent();
        assertThat(published("falco")).isEqualTo(Duration.ofSeconds(60));
    }

    private Duration published(String source) {
        return windows.windowFor(source, CONFIGURED);
    }

    private static final class FailingOnce implements DedupWindows {
        private final DedupWindows delegate;
        private boolean failNext;

        private FailingOnce(DedupWindows delegate) {
            this.delegate = delegate;
        }

        @Override
        public Duration windowFor(String source, Duration configured) {
            return delegate.windowFor(source, configured);
        }

        @Override
        public void publish(String source, Duration window) {
            if (failNext) {
                failNext = false;
                throw new StoreUnavailableException("Redis went away");
            }
            delegate.publish(source, window);
        }

        @Override
        public void withdraw(String source) {
            delegate.withdraw(source);
        }
    }
}
