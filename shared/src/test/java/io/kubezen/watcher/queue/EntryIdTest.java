package io.kubezen.watcher.queue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryIdTest {

    @Test
    void parsesRedisIdsAndOrdersThemByTimeThenSequence() {
        EntryId id = EntryId.parse("1735689600250-7");

        assertThat(id).isEqualTo(new EntryId(1_735_689_600_250L, 7));
        assertThat(id.toString()).isEqualTo("1735689600250-7");
        assertThat(id.time()).isEqualTo(Instant.parse("2025-01-01T00:00:00.250Z"));
        assertThat(EntryId.parse("9-10")).isGreaterThan(EntryId.parse("9-9")).isLessThan(EntryId.parse("10-0"));
    }

    @Test
    void theNextIdNeverGoesBackEvenWhenTheClockDoes() {
        EntryId id = new EntryId(1_000, 3);

        assertThat(id.next(2_000)).isEqualTo(new EntryId(2_000, 0));
        assertThat(id.next(1_000)).isEqualTo(new EntryId(1_000, 4));
        assertThat(id.next(500)).isEqualTo(new EntryId(1_000, 4));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"", "-", "+", "*", "12", "12-", "-3", "1-2-3", "a-1", "(5-0", "99999999999999999999-0"})
    void anythingButAnExactIdIsRefused(String id) {
        assertThatThrownBy(() -> EntryId.parse(id)).isInstanceOf(IllegalArgumentException.class);
    }
}
