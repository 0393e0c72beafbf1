package io.kubezen.watcher.queue;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id of a stream entry in Redis's form, {@code <milliseconds>-<sequence>}: it orders entries and, for
 * dead letters, tells when they were written. Ids come back from callers (cursors, admin requests), so
 * both implementations parse them here and refuse the same malformed ones.
 */
public record EntryId(long millis, long sequence) implements Comparable<EntryId> {

    private static final Pattern FORM = Pattern.compile("(\\d{1,19})-(\\d{1,19})");

    public EntryId {
        if (millis < 0 || sequence < 0) {
            throw new IllegalArgumentException("entry id parts must not be negative: " + millis + "-" + sequence);
        }
    }

    /** @throws IllegalArgumentException when {@code id} is not of the form {@code <milliseconds>-<sequence>} */
    public static EntryId parse(String id) {
        Matcher matcher = id == null ? null : FORM.matcher(id);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a stream entry id (<milliseconds>-<sequence>)");
        }
        try {
            return new EntryId(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + id + "' is out of the range of stream entry ids", e);
        }
    }

    /** The id Redis would give an entry added at {@code nowMillis} after this one: never smaller, even if the clock went back. */
    public EntryId next(long nowMillis) {
        return nowMillis > millis ? new EntryId(nowMillis, 0) : new EntryId(millis, sequence + 1);
    }

    public Instant time() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public int compareTo(EntryId other) {
        int byTime = Long.compare(millis, other.millis);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return millis + "-" + sequence;
    }
}
