package io.kubezen.watcher.queue;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterCodecTest {

    private static final QueueEntry ENTRY = new QueueEntry("1735689600000-0",
            QueuedObservationCodec.encode(QueuedObservationFixtures.entries("falco", 1).get(0)), 3);

    @Test
    void theDeadLettersOwnFieldsComeFirstThenTheOriginalOnesUnchanged() {
        Map<String, String> fields = DeadLetterCodec.encode(ENTRY, "max_deliveries", "delivered 3 times", 3);

        assertThat(fields.keySet()).startsWith("dl.reason", "dl.detail", "dl.attempts", "dl.originalId")
                .containsExactlyInAnyOrder("dl.reason", "dl.detail", "dl.attempts", "dl.originalId",
                        "observation", "source", "fingerprint", "firstSeen");
        assertThat(DeadLetterCodec.decode("1735689600250-1", fields)).isEqualTo(new DeadLetter("1735689600250-1",
                Instant.parse("2025-01-01T00:00:00.250Z"), "max_deliveries", "delivered 3 times", 3, ENTRY.id(),
                ENTRY.fields()));
    }

    @Test
    void aMissingDetailIsStoredEmpty() {
        assertThat(DeadLetterCodec.encode(ENTRY, "invalid", null, 1)).containsEntry("dl.detail", "");
    }

    @Test
    void anOriginalFieldThatLooksLikeTheDeadLettersOwnIsRefusedRatherThanOverwritten() {
        Map<String, String> odd = new LinkedHashMap<>(ENTRY.fields());
        odd.put("dl.reason", "typed in by hand");

        assertThatThrownBy(() -> DeadLetterCodec.encode(new QueueEntry(ENTRY.id(), odd, 1), "invalid", "", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dl.reason'");
    }

    @Test
    void negativeAttemptsAndMalformedDeadLettersAreRefused() {
        Map<String, String> noAttempts = new LinkedHashMap<>(DeadLetterCodec.encode(ENTRY, "invalid", "", 1));
        noAttempts.remove("dl.attempts");

        assertThatThrownBy(() -> DeadLetterCodec.encode(ENTRY, "invalid", "", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeadLetterCodec.decode("1-0", noAttempts)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dl.attempts'");
    }
}
