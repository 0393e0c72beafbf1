package io.kubezen.watcher.controller.logs;

import io.kubezen.watcher.metrics.MetricNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StreamSlotsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SourceMeters meters = new SourceMeters("app-logs", registry);

    @Test
    void aStreamOverTheBoundWaitsCountedUntilStoppedAndAReleasedSlotIsTakenAgain() throws Exception {
        StreamSlots slots = new StreamSlots(1);
        assertThat(slots.acquire(meters, () -> false)).isTrue();
        AtomicBoolean asked = new AtomicBoolean();

        boolean acquired = slots.acquire(meters, () -> {
            // Asked while waiting: the waiting gauge counts this container now.
            assertThat(waiting()).isEqualTo(1);
            asked.set(true);
            return true;
        });

        assertThat(asked).isTrue();
        assertThat(acquired).isFalse();
        assertThat(waiting()).isZero();
        slots.release();
        assertThat(slots.acquire(meters, () -> true)).isTrue();
    }

    @Test
    void needsAtLeastOneStream() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StreamSlots(0));
    }

    private double waiting() {
        return registry.get(MetricNames.LOG_STREAMS_WAITING).tag(MetricNames.TAG_SOURCE, "app-logs").gauge().value();
    }
}
