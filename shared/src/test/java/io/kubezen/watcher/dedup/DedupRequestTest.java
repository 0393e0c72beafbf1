package io.kubezen.watcher.dedup;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DedupRequestTest {

    @Test
    void invalidRequestsAreRefusedBeforeReachingAStore() {
        Duration window = Duration.ofMinutes(1);
        assertThatThrownBy(() -> new DedupRequest("a:b", "fp", window)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DedupRequest("falco", " ", window)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DedupRequest("falco", "fp", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
