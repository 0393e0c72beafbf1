package io.kubezen.watcher.admission.redis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentRecordsTest {

    @Test
    void aRecordIsInItsWindowUntilTheWindowEnds() {
        RecentRecords recent = new RecentRecords(16);
        recent.remember("zw:{s1}:dedup:falco:fp-1", 1_000);

        assertThat(recent.inWindow("zw:{s1}:dedup:falco:fp-1", 999)).isTrue();
        assertThat(recent.inWindow("zw:{s1}:dedup:falco:fp-1", 1_000)).isFalse();
        assertThat(recent.inWindow("zw:{s1}:dedup:falco:fp-2", 0)).isFalse();
    }

    @Test
    void theLatestWindowEndCountsEvenWhenItIsEarlier() {
        RecentRecords recent = new RecentRecords(16);
        recent.remember("zw:{s1}:dedup:falco:fp-1", 1_000);
        recent.remember("zw:{s1}:dedup:falco:fp-1", 500);

        assertThat(recent.inWindow("zw:{s1}:dedup:falco:fp-1", 600)).isFalse();
    }

    /** With one slot every key shares it: the one remembered last is known, the other no longer. */
    @Test
    void aKeyOnAnOccupiedSlotTakesItOver() {
        RecentRecords recent = new RecentRecords(1);
        recent.remember("zw:{s1}:dedup:falco:fp-1", 1_000);
        recent.remember("zw:{s2}:dedup:falco:fp-2", 1_000);

        assertThat(recent.inWindow("zw:{s1}:dedup:falco:fp-1", 0)).isFalse();
        assertThat(recent.inWindow("zw:{s2}:dedup:falco:fp-2", 0)).isTrue();
    }

    @Test
    void theSlotCountIsAPowerOfTwo() {
        assertThatThrownBy(() -> new RecentRecords(12)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> new RecentRecords(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
