package io.kubezen.watcher.queue.redis;

import io.kubezen.watcher.queue.QueueEntry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimReplyTest {

    @Test
    void readsTheCursorAndEachEntryWithItsDeliveryCount() {
        List<Object> reply = List.of("1700000000005-0",
                List.of("1700000000001-0", 2L, List.of("source", "falco", "fingerprint", "fp-1")),
                List.of("1700000000003-0", 7L, List.of("source", "falco")));

        assertThat(ClaimReply.cursor(reply)).isEqualTo("1700000000005-0");
        assertThat(ClaimReply.entries(reply)).containsExactly(
                new QueueEntry("1700000000001-0", Map.of("source", "falco", "fingerprint", "fp-1"), 2),
                new QueueEntry("1700000000003-0", Map.of("source", "falco"), 7));
    }

    @Test
    void aPageWithNothingIdleHasOnlyTheCursor() {
        assertThat(ClaimReply.entries(List.of("0-0"))).isEmpty();
    }
}
