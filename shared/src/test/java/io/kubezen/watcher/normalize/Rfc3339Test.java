package io.kubezen.watcher.normalize;

import io.kubezen.watcher.testing.generators.Outcomes;
import io.kubezen.watcher.testing.generators.Theories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class Rfc3339Test {

    /** Whatever the fast path reads, it reads as the formatter does; what it leaves, the formatter decides. */
    @Test
    void agreesWithTheFormatterOnEveryTextItReads() {
        Outcomes outcomes = new Outcomes();
        Theories.qt(5_000).forAll(times()).checkAssert(text -> {
            Instant expected;
            try {
                expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeException e) {
                Throwable failure = catchThrowable(() -> assertThat(Rfc3339.parse(text)).isNull());
                assertThat(failure).as(text).satisfiesAnyOf(
                        f -> assertThat(f).isNull(), f -> assertThat(f).isInstanceOf(DateTimeException.class));
                outcomes.count("refused by both");
                return;
            }
            Instant fast = Rfc3339.parse(text);
            if (fast == null) {
                outcomes.count("left to the formatter");
                return;
            }
            assertThat(fast).as(text).isEqualTo(expected);
            outcomes.count("read");
        });
        outcomes.assertShareAtLeast("read", 20);
        outcomes.assertShareAtLeast("refused by both", 5);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2024-05-01t10:21:37Z", "2024-05-01T10:21:37z", "2024-05-01T10:21Z",
            "2024-05-01T10:21:37.Z", "2024-05-01T10:21:37.1234567890Z", "+12024-05-01T10:21:37Z",
            "2024-05-01T10:21:37+18:00", "2016-12-31T23:59:60Z"})
    void leavesOtherShapesToTheFormatter(String text) {
        assertThat(Rfc3339.parse(text)).isNull();
    }

    private static Gen<String> times() {
        Gen<String> date = SourceDSL.integers().between(1960, 10_000).zip(SourceDSL.integers().between(0, 13),
                SourceDSL.integers().between(0, 32), (y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        Gen<String> time = SourceDSL.integers().between(0, 24).zip(SourceDSL.integers().between(0, 60),
                SourceDSL.integers().between(0, 60), (h, m, s) -> String.format("%02d:%02d:%02d", h, m, s));
        Gen<String> fraction = SourceDSL.integers().between(0, 11)
                .zip(SourceDSL.longs().between(0, 99_999_999_999L), (digits, value) -> digits == 0 ? ""
                        : "." + String.format("%011d", value).substring(0, digits));
        Gen<String> offset = Generate.oneOf(Generate.pick(List.of("Z", "z", "+00:00", "-00:00", "")),
                SourceDSL.integers().between(0, 19).zip(SourceDSL.integers().between(0, 60),
                        Generate.booleans(), (h, m, plus) -> String.format("%s%02d:%02d", plus ? "+" : "-", h, m)));
        Gen<String> separator = Generate.pick(List.of("T", "T", "T", "t", " "));
        return date.zip(separator, time, fraction, (d, t, c, f) -> d + t + c + f).zip(offset, (text, o) -> text + o);
    }
}
