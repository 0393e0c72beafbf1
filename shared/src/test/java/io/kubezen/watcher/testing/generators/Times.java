package io.kubezen.watcher.testing.generators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Event times as tools write them (RFC 3339 with any offset and precision, epoch seconds to nanoseconds) and as
 * they should not (years before 1970 and after 9999, negative and huge numbers, text that is no time at all).
 */
public final class Times {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Year 1 to year 9999 and a little beyond, in epoch seconds. */
    private static final long EARLIEST = -62_135_596_800L;
    private static final long LATEST = 253_402_300_799L + 86_400L * 366;

    private Times() {
    }

    /** A time as text or as a number, or any other value. */
    public static Gen<JsonNode> any() {
        return Generate.frequency(
                Pair.of(5, text().map(NODES::textNode)),
                Pair.of(2, Numbers.longs().map(NODES::numberNode)),
                Pair.of(1, Numbers.doubles().map(NODES::numberNode)),
                Pair.of(1, JsonTrees.any()));
    }

    /** A time as text, for the fields that must be strings: RFC 3339, epoch digits, or any text. */
    public static Gen<String> text() {
        return Generate.frequency(
                Pair.of(6, rfc3339()),
                Pair.of(1, Numbers.nonNegativeLongs().map(n -> Long.toString(n))),
                Pair.of(1, Texts.any()));
    }

    /** RFC 3339 text; the year is outside 0001-9999 when the instant is, as {@link Instant#toString()} writes it. */
    public static Gen<String> rfc3339() {
        return longs().between(EARLIEST, LATEST).zip(integers().between(0, 999_999_999),
                integers().between(-18 * 60, 18 * 60), (seconds, nanos, offsetMinutes) -> {
                    Instant instant = Instant.ofEpochSecond(seconds, nanos);
                    return instant.getEpochSecond() > LATEST - 86_400L * 366 ? instant.toString()
                            : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                    instant.atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60)));
                });
    }

    /** {@code {seconds, nanos}} as the Policy WG's reports write a result's time. */
    public static Gen<JsonNode> secondsAndNanos() {
        Gen<Long> seconds = Generate.oneOf(longs().between(0, LATEST), Numbers.longs());
        return Generate.frequency(
                Pair.of(4, seconds.zip(Numbers.longs(),
                        (s, n) -> (JsonNode) NODES.objectNode().put("seconds", s).put("nanos", n))),
                Pair.of(1, JsonTrees.any()));
    }
}
