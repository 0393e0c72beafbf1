package io.kubezen.watcher.controller.logs;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LogPositionTest {

    private static final Instant T = Instant.parse("2026-01-01T10:00:00.5Z");

    @Test
    void countsLinesThatShareATimestampAndStartOverOnALaterOne() {
        LogPosition position = new LogPosition(T, 1).next(T).next(T);

        assertThat(position).isEqualTo(new LogPosition(T, 3));
        assertThat(position.next(T.plusNanos(1))).isEqualTo(new LogPosition(T.plusNanos(1), 1));
    }

    @Test
    void coversEarlierLinesAndExactlyTheHandledLinesOfItsTimestamp() {
        LogPosition position = new LogPosition(T, 2);

        assertThat(position.covers(T.minusNanos(1), 0)).isTrue();
        assertThat(position.covers(T, 0)).isTrue();
        assertThat(position.covers(T, 1)).isTrue();
        assertThat(position.covers(T, 2)).as("a third line of the same time was not handled").isFalse();
        assertThat(position.covers(T.plusNanos(1), 0)).isFalse();
    }

    @Test
    void needsAtLeastOneLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LogPosition(T, 0));
    }
}
