package io.kubezen.watcher.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2024-05-01T10:21:37Z, 2024-05-01T10:21:37Z",
            "2024-05-01T10:21:37.123456789Z, 2024-05-01T10:21:37.123456789Z",
            "2024-05-01T12:21:37.5+02:00, 2024-05-01T10:21:37.500Z",
            "2024-05-01T05:21:37-05:00, 2024-05-01T10:21:37Z",
            "1714558897, 2024-05-01T10:21:37Z",
            "1714558897123, 2024-05-01T10:21:37.123Z",
            "1714558897123456, 2024-05-01T10:21:37.123456Z",
            "1714558897123456789, 2024-05-01T10:21:37.123456789Z"})
    void readsRfc3339AndEpochNumbersGivenAsText(String text, Instant expected) {
        assertThat(Timestamps.parse(text)).isEqualTo(expected);
    }

    @Test
    void readsJsonNumbersByTheirSize() {
        assertThat(Timestamps.parse(NODES.numberNode(1714558897123456789L)))
                .as("Falco's evt.time is nanoseconds").isEqualTo(Instant.parse("2024-05-01T10:21:37.123456789Z"));
        assertThat(Timestamps.parse(NODES.numberNode(1714558897.25))).isEqualTo(Instant.parse("2024-05-01T10:21:37.250Z"));
        assertThat(Timestamps.parse(NODES.numberNode(1714558897123L))).isEqualTo(Instant.parse("2024-05-01T10:21:37.123Z"));
        assertThat(Timestamps.parse(NODES.textNode("2024-05-01T10:21:37Z"))).isEqualTo(Instant.parse("2024-05-01T10:21:37Z"));
    }

    @ParameterizedTest(name = "\"{0}\" is no time")
    @ValueSource(strings = {"", "yesterday", "2024-05-01", "2024-05-01 10:21:37Z", "2024-13-01T00:00:00Z",
            "10000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "99999999999999999999999", "\u0000", " \u0001 "})
    void treatsUnreadableOrImplausibleTimesAsAbsent(String text) {
        assertThat(Timestamps.parse(text)).isNull();
    }

    @Test
    void treatsHostileNumbersAsAbsent() {
        assertThat(Timestamps.parse(NODES.numberNode(Double.POSITIVE_INFINITY))).isNull();
        assertThat(Timestamps.parse(NODES.numberNode(-5))).isNull();
        assertThat(Timestamps.parse(NODES.numberNode(BigInteger.TEN.pow(400)))).isNull();
        assertThat(Timestamps.parse(NODES.booleanNode(true))).isNull();
        assertThat(Timestamps.parse(NODES.objectNode())).isNull();
        assertThat(Timestamps.parse((JsonNode) null)).isNull();
    }

    @Test
    void readsSecondsAndNanosWithinRangeOnly() {
        assertThat(Timestamps.ofEpochSecond(1714558897, 123_000_000)).isEqualTo(Instant.parse("2024-05-01T10:21:37.123Z"));
        assertThat(Timestamps.ofEpochSecond(-1, 0)).isNull();
        assertThat(Timestamps.ofEpochSecond(253_402_300_800L, 0)).as("year 10000").isNull();
        assertThat(Timestamps.ofEpochSecond(Long.MAX_VALUE, Long.MAX_VALUE)).isNull();
    }
}
