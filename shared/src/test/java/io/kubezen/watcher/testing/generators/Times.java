package io.kubezen.watcher.testing.generators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

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
    public static Arbitrary<JsonNode> any() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, text().map(NODES::textNode)),
                Tuple.of(2, Arbitraries.longs().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.doubles().map(NODES::numberNode)),
                Tuple.of(1, JsonTrees.any()));
    }

    /** A time as text, for the fields that must be strings: RFC 3339, epoch digits, or any text. */
    public static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, rfc3339()),
                Tuple.of(1, Arbitraries.longs().between(0, Long.MAX_VALUE).map(n -> Long.toString(n))),
                Tuple.of(1, Texts.any()));
    }

    /** RFC 3339 text; the year is outside 0001-9999 when the instant is, as {@link Instant#toString()} writes it. */
    public static Arbitrary<String> rfc3339() {
        return Combinators.combine(Arbitraries.longs().between(EARLIEST, LATEST), Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.integers().between(-18 * 60, 18 * 60)).as((seconds, nanos, offsetMinutes) -> {
                    Instant instant = Instant.ofEpochSecond(seconds, nanos);
                    return instant.getEpochSecond() > LATEST - 86_400L * 366 ? instant.toString()
                            : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                    instant.atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60)));
                });
    }

    /** {@code {seconds, nanos}} as the Policy WG's reports write a result's time. */
    public static Arbitrary<JsonNode> secondsAndNanos() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(Arbitraries.longs().between(0, LATEST), Arbitraries.longs());
        return Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(seconds, Arbitraries.longs())
                        .as((s, n) -> (JsonNode) NODES.objectNode().put("seconds", s).put("nanos", n))),
                Tuple.of(1, JsonTrees.any()));
    }
}
