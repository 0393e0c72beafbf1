package io.kubezen.watcher.normalize;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The shape nearly every event time has, {@code 2024-05-01T08:20:11.402118Z} or with a {@code ±hh:mm} offset, read
 * without {@code DateTimeFormatter}: every event carries one or more times, and the formatter's general machinery
 * cost more than the rest of reading an audit event's fields. Anything else, lower-case letters and leap seconds
 * included, is left to the formatter: null means "not this shape", not "invalid".
 */
final class Rfc3339 {

    private static final int[] NANOS_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private Rfc3339() {
    }

    /** @throws java.time.DateTimeException when a field is out of range (the 31st of April), as the formatter would */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int end = at + 1;
            while (end < length && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
                end++;
            }
            int fraction = end - at - 1;
            if (fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(text, at + 1, end) * NANOS_SCALE[fraction];
            at = end;
        }
        int offsetSeconds = offsetSeconds(text, at);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return null;
        }
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second
                - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** {@code Z} or {@code ±hh:mm} ending the text; Integer.MIN_VALUE for anything else. */
    private static int offsetSeconds(String text, int at) {
        int rest = text.length() - at;
        if (rest == 1 && text.charAt(at) == 'Z') {
            return 0;
        }
        char sign = rest == 6 ? text.charAt(at) : ' ';
        if ((sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(text, at + 1, at + 3);
        int minutes = digits(text, at + 4, at + 6);
        if (hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    /** The ASCII digits from {@code from} to {@code to} as a number, or -1 when any is not one. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
