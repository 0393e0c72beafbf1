package io.kubezen.watcher.dedup.redis;

import io.kubezen.watcher.dedup.DedupRecord;
import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.dedup.DedupResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DedupRecordLuaTest {

    private static final DedupRequest REQUEST = new DedupRequest("falco", "fp-1", Duration.ofMinutes(5));
    private static final long NOW = 1_735_689_610_000L;

    @Test
    void timesHaveThirteenDigits() {
        assertThat(DedupRecordLua.epochMillis(NOW)).isEqualTo("1735689610000");
        assertThat(DedupRecordLua.epochMillis(90_000)).isEqualTo("0000000090000");
        assertThat(DedupRecordLua.epochMillis(0)).isEqualTo("0000000000000");
    }

    @Test
    void aCreatedRecordCountsOne() {
        DedupResult result = DedupRecordLua.result(REQUEST,
                "1735689610000:1735689910000:1735689610000:0000000000000:1|1735689000000:1735689001000:77", NOW);

        assertThat(result.firstOccurrence()).isTrue();
        assertThat(result.statusDueAt()).isNull();
        assertThat(result.record()).isEqualTo(new DedupRecord("falco", "fp-1", Instant.ofEpochMilli(NOW),
                Instant.ofEpochMilli(NOW), 1, Duration.ofMinutes(5)));
    }

    @Test
    void aRepeatThatScheduledAStatusUpdateSaysWhenItIsDue() {
        DedupResult result = DedupRecordLua.result(REQUEST,
                "+1735689600000:1735689900000:1735689610000:1735689640000:12", NOW);

        assertThat(result.firstOccurrence()).isFalse();
        assertThat(result.statusDueAt()).isEqualTo(Instant.ofEpochMilli(1_735_689_640_000L));
        assertThat(result.record()).isEqualTo(new DedupRecord("falco", "fp-1", Instant.ofEpochMilli(1_735_689_600_000L),
                Instant.ofEpochMilli(NOW), 12, Duration.ofSeconds(290)));
    }

    @Test
    void aRecordIsFoundByTheFirstSeenOfItselfOrOfTheOneBefore() {
        String stored = "1735689610000:1735689910000:1735689610000:0000000000000:3|1735689000000:1735689001000:77";

        assertThat(DedupRecordLua.firstSeenAt("falco", "fp-1", stored, 1_735_689_000_000L, NOW)).get()
                .isEqualTo(new DedupRecord("falco", "fp-1", Instant.ofEpochMilli(1_735_689_000_000L),
                        Instant.ofEpochMilli(1_735_689_001_000L), 77, Duration.ZERO));
        assertThat(DedupRecordLua.firstSeenAt("falco", "fp-1", stored, NOW, NOW)).get()
                .extracting(DedupRecord::count).isEqualTo(3L);
        assertThat(DedupRecordLua.firstSeenAt("falco", "fp-1", stored, NOW - 1, NOW)).isEmpty();
        assertThat(DedupRecordLua.current("falco", "fp-1", stored, 1_735_689_910_000L)).isEmpty();
    }
}
