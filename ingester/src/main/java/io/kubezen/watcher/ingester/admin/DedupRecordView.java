package io.kubezen.watcher.ingester.admin;

import io.kubezen.watcher.dedup.DedupRecord;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A dedup record as the admin API shows it; {@code ttlSecondsLeft} is when the next occurrence counts as new. */
@Serdeable
record DedupRecordView(String source, String fingerprint, Instant firstSeen, Instant lastSeen, long count,
                       long ttlSecondsLeft) {

    static DedupRecordView of(DedupRecord record) {
        return new DedupRecordView(record.source(), record.fingerprint(), record.firstSeen(), record.lastSeen(),
                record.count(), record.ttlLeft().toSeconds());
    }
}
