package io.kubezen.watcher.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class LimitsSpecTest {

    private static final long MIB = 1L << 20;

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("nothing set", SourceType.FALCO, limits(null, null, null, null),
                        new LimitsSpec(MIB, 8 * MIB, 64, null, null)),
                arguments("k8s-audit has room for a full audit batch", SourceType.K8S_AUDIT, limits(null, null, null, null),
                        new LimitsSpec(12 * MIB, 12 * MIB, 64, null, null)),
                arguments("decompressed cap follows a larger body cap", SourceType.WEBHOOK, limits(16 * MIB, null, null, null),
                        new LimitsSpec(16 * MIB, 16 * MIB, 64, null, null)),
                arguments("explicit values are kept", SourceType.WEBHOOK, new LimitsSpec(2 * MIB, MIB, 8, 50.0, 7),
                        new LimitsSpec(2 * MIB, MIB, 8, 50.0, 7)),
                arguments("burst is one second of the rate, rounded up", SourceType.WEBHOOK, limits(null, null, 2.5, null),
                        new LimitsSpec(MIB, 8 * MIB, 64, 2.5, 3)),
                arguments("a slow rate still allows one request", SourceType.WEBHOOK, limits(null, null, 0.2, null),
                        new LimitsSpec(MIB, 8 * MIB, 64, 0.2, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fillsAbsentLimitsWithTheTypesDefaults(String name, SourceType type, LimitsSpec given, LimitsSpec expected) {
        assertThat(given.withDefaults(type)).isEqualTo(expected);
    }

    private static LimitsSpec limits(Long maxBodyBytes, Long maxDecompressedBytes, Double ratePerSecond, Integer burst) {
        return new LimitsSpec(maxBodyBytes, maxDecompressedBytes, null, ratePerSecond, burst);
    }
}
