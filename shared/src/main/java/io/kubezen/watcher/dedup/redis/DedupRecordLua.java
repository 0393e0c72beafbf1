package io.kubezen.watcher.dedup.redis;

import io.kubezen.watcher.dedup.DedupRecord;
import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.redis.RedisScript;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The dedup rules in Lua ({@code record-function.lua} beside this class), as one function that both the dedup
 * store's own script and the admission script ({@link io.kubezen.watcher.admission.redis.RedisAdmissionStore})
 * define and call, so that recording an occurrence means the same thing in both; and the record's string layout,
 * which that file defines and the methods here read:
 * {@code firstSeen:windowEnds:lastSeen:statusDue:count[|previousFirstSeen:previousLastSeen:previousCount]}, times
 * as 13-digit epoch milliseconds. See {@code DESIGN.md} in the {@code dedup} package.
 */
public final class DedupRecordLua {

    /** Defines the Lua function {@code record}, whose arguments and reply the methods here make and read. */
    private static final String FUNCTION = "record-function.lua";

    private static final int TIME_DIGITS = 13;
    private static final long SMALLEST_13_DIGITS = 1_000_000_000_000L;
    private static final int WINDOW_ENDS = 14;
    private static final int LAST_SEEN = 28;
    private static final int STATUS_DUE = 42;
    private static final int COUNT = 56;
    private static final int PREVIOUS_LAST_SEEN = 14;
    private static final int PREVIOUS_COUNT = 28;
    /** What the script puts before the record it answers when it scheduled a status update. */
    private static final char SCHEDULED = '+';

    private DedupRecordLua() {
    }

    /**
     * The script in the resource {@code name} beside {@code owner}, which calls {@code record}: Redis scripts cannot
     * load one another, so the function's one source is put before each script that uses it.
     */
    public static RedisScript withRecord(Class<?> owner, String name) {
        return RedisScript.resource(owner, name, DedupRecordLua.class, FUNCTION);
    }

    /**
     * A time as the script takes and stores it: epoch ms of exactly 13 digits, so that times compare as strings
     * (13 digits hold every millisecond from 2001 to 2286; earlier ones are padded with zeros).
     */
    public static String epochMillis(long millis) {
        String digits = Long.toString(millis);
        if (millis >= SMALLEST_13_DIGITS || millis < 0) {
            return digits;
        }
        return "0".repeat(TIME_DIGITS - digits.length()) + digits;
    }

    /** The arguments of {@code record} after the key, for a request made at {@code nowMillis}. */
    public static List<String> arguments(DedupRequest request, long nowMillis, Duration statusInterval) {
        return List.of(epochMillis(nowMillis), windowEnds(request.window(), nowMillis),
                lifetime(request.window(), statusInterval), Long.toString(statusInterval.toMillis()));
    }

    /** The end of the window a record created at {@code nowMillis} gets, as {@code record} takes it. */
    public static String windowEnds(Duration window, long nowMillis) {
        return epochMillis(nowMillis + window.toMillis());
    }

    /** How long a record's key lives, in ms: its window, then two status intervals for the window's last update. */
    public static String lifetime(Duration window, Duration statusInterval) {
        // Not Duration.multipliedBy: it multiplies as BigDecimal, and this runs once per admitted event.
        return Long.toString(window.toMillis() + Math.multiplyExact(statusInterval.toMillis(), 2));
    }

    /**
     * Reads the reply of {@code record}, made at {@code nowMillis}: the record as stored, with {@value #SCHEDULED}
     * before it when the call scheduled a status update. A count of 1 means the call created the record.
     */
    public static DedupResult result(DedupRequest request, Object reply, long nowMillis) {
        String stored = (String) reply;
        int at = stored.charAt(0) == SCHEDULED ? 1 : 0;
        DedupRecord record = current(request.source(), request.fingerprint(), stored, at, nowMillis);
        return new DedupResult(record.count() == 1, record,
                at == 1 ? Instant.ofEpochMilli(time(stored, at + STATUS_DUE)) : null);
    }

    /** The record a stored string holds, as it stands at {@code nowMillis}; empty once its window has ended. */
    static Optional<DedupRecord> current(String source, String fingerprint, String stored, long nowMillis) {
        DedupRecord record = current(source, fingerprint, stored, 0, nowMillis);
        return record.ttlLeft().isZero() ? Optional.empty() : Optional.of(record);
    }

    /**
     * The record of a stored string that was first seen at {@code firstSeenMillis}, current or previous, as it
     * stands at {@code nowMillis}; empty when it holds neither.
     */
    static Optional<DedupRecord> firstSeenAt(String source, String fingerprint, String stored, long firstSeenMillis,
                                             long nowMillis) {
        if (time(stored, 0) == firstSeenMillis) {
            return Optional.of(current(source, fingerprint, stored, 0, nowMillis));
        }
        int previous = stored.indexOf('|', COUNT) + 1;
        if (previous == 0 || time(stored, previous) != firstSeenMillis) {
            return Optional.empty();
        }
        return Optional.of(new DedupRecord(source, fingerprint, Instant.ofEpochMilli(firstSeenMillis),
                Instant.ofEpochMilli(time(stored, previous + PREVIOUS_LAST_SEEN)),
                Long.parseLong(stored, previous + PREVIOUS_COUNT, stored.length(), 10), Duration.ZERO));
    }

    private static DedupRecord current(String source, String fingerprint, String stored, int at, long nowMillis) {
        int countEnds = stored.indexOf('|', at + COUNT);
        long count = Long.parseLong(stored, at + COUNT, countEnds < 0 ? stored.length() : countEnds, 10);
        return new DedupRecord(source, fingerprint, Instant.ofEpochMilli(time(stored, at)),
                Instant.ofEpochMilli(time(stored, at + LAST_SEEN)), count,
                Duration.ofMillis(Math.max(0, time(stored, at + WINDOW_ENDS) - nowMillis)));
    }

    private static long time(String stored, int at) {
        return Long.parseLong(stored, at, at + TIME_DIGITS, 10);
    }
}
