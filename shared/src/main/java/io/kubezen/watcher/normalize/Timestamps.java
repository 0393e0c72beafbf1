package io.kubezen.watcher.normalize;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads the event times that tools send: RFC 3339 with or without fractional seconds and with any offset,
 * or a number since the epoch whose unit is told by its size (Falco's {@code evt.time} is nanoseconds).
 * A time outside years 1970 to 9999 is treated as absent: the API server's date-time cannot hold it and
 * such a value is a broken sender, not a real event.
 */
public final class Timestamps {

    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final BigDecimal TOO_LARGE = new BigDecimal("1e20");
    private static final BigDecimal NANOS_FROM = new BigDecimal("1e17");
    private static final BigDecimal MICROS_FROM = new BigDecimal("1e14");
    private static final BigDecimal MILLIS_FROM = new BigDecimal("1e11");
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);
    private static final int MAX_TEXT_LENGTH = 64;

    private Timestamps() {
    }

    /** A string (RFC 3339 or digits) or a number; null when absent or unreadable. */
    public static Instant parse(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            // 1e999 parses to an infinite double, which has no decimal value.
            return value.isDouble() && !Double.isFinite(value.doubleValue()) ? null : fromEpoch(value.decimalValue());
        }
        return value.isTextual() ? parse(value.textValue()) : null;
    }

    public static Instant parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
            return null;
        }
        String trimmed = text.trim();
        if (isDigits(trimmed)) {
            return fromEpoch(new BigDecimal(trimmed));
        }
        try {
            Instant usual = Rfc3339.parse(trimmed);
            return bounded(usual != null ? usual
                    : OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** False for "": trim() also drops control characters, which isBlank() does not count as blank. */
    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Seconds below 1e11, milliseconds below 1e14, microseconds below 1e17, nanoseconds above: each unit
     * covers the years 1973 to 5138, so the size tells the unit for every plausible event time.
     */
    static Instant fromEpoch(BigDecimal number) {
        if (number.signum() < 0 || number.compareTo(TOO_LARGE) > 0) {
            return null;
        }
        BigDecimal nanosPerUnit = number.compareTo(NANOS_FROM) >= 0 ? BigDecimal.ONE
                : number.compareTo(MICROS_FROM) >= 0 ? BigDecimal.valueOf(1_000)
                : number.compareTo(MILLIS_FROM) >= 0 ? BigDecimal.valueOf(1_000_000) : BILLION;
        BigDecimal nanos = number.multiply(nanosPerUnit).setScale(0, RoundingMode.DOWN);
        BigDecimal[] secondsAndNanos = nanos.divideAndRemainder(BILLION);
        return bounded(Instant.ofEpochSecond(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact()));
    }

    /** A {@code {seconds, nanos}} pair, as protobuf-style timestamps carry it; null when out of range. */
    public static Instant ofEpochSecond(long seconds, long nanos) {
        try {
            return bounded(Instant.ofEpochSecond(seconds, nanos));
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /** The instant when it lies in years 1970 to 9999, else null. */
    static Instant bounded(Instant instant) {
        return instant == null || instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? null : instant;
    }
}
