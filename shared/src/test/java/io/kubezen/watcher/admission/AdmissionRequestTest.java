package io.kubezen.watcher.admission;

import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.queue.QueuedObservationFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class AdmissionRequestTest {

    private static final Observation OBSERVATION = QueuedObservationFixtures.entries("falco", 1).get(0).observation();

    @Test
    void aRequestWithAWindowDeduplicatesAndOneWithoutDoesNot() {
        AdmissionRequest windowed = new AdmissionRequest("falco", "fp-0", OBSERVATION, Duration.ofMinutes(5));

        assertThat(windowed.deduplicates()).isTrue();
        assertThat(windowed.dedup().window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(new AdmissionRequest("falco", "fp-0", OBSERVATION, null).deduplicates()).isFalse();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments("a source that would break keys", "fal:co", "fp", Duration.ofMinutes(5)),
                arguments("a blank fingerprint", "falco", " ", Duration.ofMinutes(5)),
                arguments("a blank fingerprint without dedup", "falco", "", null),
                arguments("a window under a millisecond", "falco", "fp", Duration.ofNanos(10)));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("invalid")
    void invalidRequestsAreRefused(String name, String source, String fingerprint, Duration window) {
        assertThatThrownBy(() -> new AdmissionRequest(source, fingerprint, OBSERVATION, window))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
