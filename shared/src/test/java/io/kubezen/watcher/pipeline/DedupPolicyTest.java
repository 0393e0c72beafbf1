package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.config.DedupSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A window the source sets is the window it gets, unless it asks for the tuner's. */
class DedupPolicyTest {

    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of("no dedup block: the default window, tuned", null, 300, false),
                Arguments.of("no window: the default window, tuned", new DedupSpec(null, null, null, null), 300, false),
                Arguments.of("a window: fixed", new DedupSpec(null, 600L, null, null), 600, true),
                Arguments.of("a window and adaptive: a starting window, tuned",
                        new DedupSpec(null, 600L, true, null), 600, false),
                Arguments.of("adaptive false without a window: the default window, fixed",
                        new DedupSpec(null, null, false, null), 300, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void aSetWindowIsFixedUnlessAdaptiveSaysOtherwise(String name, DedupSpec spec, long seconds, boolean pinned) {
        DedupPolicy policy = DedupPolicy.of(spec);

        assertThat(policy.window()).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(policy.pinned()).isEqualTo(pinned);
    }
}
