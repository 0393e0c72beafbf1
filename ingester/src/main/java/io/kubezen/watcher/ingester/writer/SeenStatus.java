package io.kubezen.watcher.ingester.writer;

import io.kubezen.watcher.dedup.DedupRecord;

import java.time.Instant;
import java.util.Objects;

/**
 * The part of an Observation's status that comes from its dedup record: when the record began, when its latest
 * repeat arrived, and how many repeats it counted after the first event. Writers race and entries come again, so
 * a status is only ever replaced by one that {@linkplain #covers covers} it: counts and times never go back.
 */
public record SeenStatus(Instant firstSeen, Instant lastSeen, long duplicateCount) {

    public SeenStatus {
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (duplicateCount < 0) {
            throw new IllegalArgumentException("duplicateCount cannot be negative: " + duplicateCount);
        }
    }

    /** A record that was never repeated: seen once, at its first-seen time. */
    public static SeenStatus once(Instant firstSeen) {
        return new SeenStatus(firstSeen, firstSeen, 0);
    }

    public static SeenStatus of(DedupRecord record) {
        return new SeenStatus(record.firstSeen(), record.lastSeen(), Math.max(0, record.count() - 1));
    }

    /** Whether this status already says everything {@code wanted} says, so writing {@code wanted} changes nothing. */
    public boolean covers(SeenStatus wanted) {
        return !lastSeen.isBefore(wanted.lastSeen) && duplicateCount >= wanted.duplicateCount;
    }

    /** Field by field the later of the two. */
    public SeenStatus max(SeenStatus other) {
        return new SeenStatus(firstSeen.isBefore(other.firstSeen) ? firstSeen : other.firstSeen,
                lastSeen.isAfter(other.lastSeen) ? lastSeen : other.lastSeen,
                Math.max(duplicateCount, other.duplicateCount));
    }
}
