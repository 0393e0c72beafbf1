package io.kubezen.watcher.ingester.limit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitSettingsReaderTest {

    @Test
    void defaultsAreOneMebibyteAndTwelveForKubeAudit() {
        LimitSettings webhook = LimitSettingsReader.read("webhook", null);
        LimitSettings audit = LimitSettingsReader.read("kube-audit", Map.of());

        assertThat(webhook).isEqualTo(new LimitSettings(1_048_576, 1_048_576, 128, new RateLimitSettings(100, 200)));
        assertThat(audit.maxBodyBytes()).isEqualTo(12 * 1_048_576);
        assertThat(audit.maxDecompressedBytes()).isEqualTo(12 * 1_048_576);
    }

    @Test
    void readsEveryKey() {
        LimitSettings settings = LimitSettingsReader.read("webhook", Map.of("maxBodyBytes", "2Mi",
                "maxDecompressedBytes", 8_388_608L, "maxNestingDepth", 64, "ratePerSecond", 2.5, "burst", 10));

        assertThat(settings).isEqualTo(new LimitSettings(2 * 1_048_576, 8 * 1_048_576, 64,
                new RateLimitSettings(2.5, 10)));
    }

    @Test
    void theDecompressedLimitFollowsTheBodyLimitUnlessSet() {
        assertThat(LimitSettingsReader.read("webhook", Map.of("maxBodyBytes", "512Ki")).maxDecompressedBytes())
                .isEqualTo(512 * 1024);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("size with a unit we do not read", Map.of("maxBodyBytes", "2MB"),
                        "webhook.limits.maxBodyBytes must be a number of bytes or a quantity such as 512Ki or 12Mi"),
                Arguments.of("size that overflows", Map.of("maxBodyBytes", "99999999999Gi"),
                        "webhook.limits.maxBodyBytes must be a size that fits in 64 bits"),
                Arguments.of("zero size", Map.of("maxDecompressedBytes", 0),
                        "webhook.limits.maxDecompressedBytes must be at least 1"),
                Arguments.of("fractional depth", Map.of("maxNestingDepth", 2.5),
                        "webhook.limits.maxNestingDepth must be a whole number"),
                Arguments.of("rate as text", Map.of("ratePerSecond", "fast"),
                        "webhook.limits.ratePerSecond must be a number"),
                Arguments.of("zero rate", Map.of("ratePerSecond", 0),
                        "webhook.limits.ratePerSecond must be between 0.001 and 1000000"),
                Arguments.of("zero burst", Map.of("burst", 0), "webhook.limits.burst must be between 1 and"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void errorsNameTheKeyToFix(String name, Map<String, ?> limits, String message) {
        assertThatThrownBy(() -> LimitSettingsReader.read("webhook", limits))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
