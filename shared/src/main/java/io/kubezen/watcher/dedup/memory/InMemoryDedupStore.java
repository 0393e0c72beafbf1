package io.kubezen.watcher.dedup.memory;

import io.kubezen.watcher.dedup.DedupRecord;
import io.kubezen.watcher.dedup.DedupRecordId;
import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.store.Page;
import io.kubezen.watcher.store.SourceNames;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dedup store of the embedded, single-process mode, with the Redis store's rules (see {@code DESIGN.md} in
 * the {@code dedup} package). Bounded: when full, the record first seen longest ago is evicted, so memory stays
 * flat under a flood at the cost of re-emitting that oldest event early.
 */
public final class InMemoryDedupStore implements DedupStore {

    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private final Clock clock;
    private final int maxEntries;
    private final Duration statusInterval;
    private final Object lock = new Object();
    /** In first-seen order, because duplicates never re-insert; eviction relies on that. */
    private final LinkedHashMap<Key, Slot> slots = new LinkedHashMap<>();

    public InMemoryDedupStore(Clock clock, int maxEntries, Duration statusInterval) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        if (statusInterval.isNegative() || statusInterval.isZero()) {
            throw new IllegalArgumentException("statusInterval must be positive, was " + statusInterval);
        }
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.statusInterval = statusInterval;
    }

    @Override
    public List<DedupResult> record(List<DedupRequest> batch) {
        List<DedupResult> results = new ArrayList<>(batch.size());
        synchronized (lock) {
            for (DedupRequest request : batch) {
                Instant now = now();
                Key key = new Key(request.source(), request.fingerprint());
                Slot slot = retained(key, now);
                if (slot == null || !slot.current.live(now)) {
                    makeRoom(now);
                    Entry entry = new Entry(now, now.plus(request.window()));
                    // Re-inserted, so that the map stays in first-seen order.
                    slots.remove(key);
                    slots.put(key, new Slot(entry, slot == null ? null : slot.current, entry.expiresAt.plus(retention())));
                    results.add(new DedupResult(true, entry.toRecord(key, now)));
                    continue;
                }
                Entry entry = slot.current;
                entry.lastSeen = now.isAfter(entry.lastSeen) ? now : entry.lastSeen;
                entry.count++;
                Instant statusDueAt = null;
                if (entry.statusDueAt == null || !now.isBefore(entry.statusDueAt)) {
                    entry.statusDueAt = now.plus(statusInterval);
                    statusDueAt = entry.statusDueAt;
                }
                results.add(new DedupResult(false, entry.toRecord(key, now), statusDueAt));
            }
        }
        return results;
    }

    @Override
    public Optional<DedupRecord> get(String source, String fingerprint) {
        Key key = new Key(SourceNames.check(source), fingerprint);
        synchronized (lock) {
            Instant now = now();
            return Optional.ofNullable(live(key, now)).map(entry -> entry.toRecord(key, now));
        }
    }

    @Override
    public List<Optional<DedupRecord>> findAll(List<DedupRecordId> records) {
        synchronized (lock) {
            Instant now = now();
            List<Optional<DedupRecord>> found = new ArrayList<>(records.size());
            for (DedupRecordId record : records) {
                found.add(find(new Key(SourceNames.check(record.source()), record.fingerprint()), record.firstSeen(),
                        now));
            }
            return found;
        }
    }

    private Optional<DedupRecord> find(Key key, Instant firstSeen, Instant now) {
        Slot slot = retained(key, now);
        if (slot == null) {
            return Optional.empty();
        }
        for (Entry entry : new Entry[] {slot.current, slot.previous}) {
            if (entry != null && entry.firstSeen.equals(firstSeen)) {
                return Optional.of(entry.toRecord(key, now));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean forget(String source, String fingerprint) {
        Key key = new Key(SourceNames.check(source), fingerprint);
        synchronized (lock) {
            Slot removed = slots.remove(key);
            return removed != null && removed.current.live(now());
        }
    }

    /** Pages in fingerprint order; the cursor is the last fingerprint of the previous page. */
    @Override
    public Page<DedupRecord> list(String source, String cursor, int limit) {
        SourceNames.check(source);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        synchronized (lock) {
            Instant now = now();
            List<DedupRecord> matching = slots.entrySet().stream()
                    .filter(e -> e.getKey().source().equals(source) && e.getValue().current.live(now))
                    .filter(e -> cursor == null || e.getKey().fingerprint().compareTo(cursor) > 0)
                    .sorted(Map.Entry.comparingByKey((a, b) -> a.fingerprint().compareTo(b.fingerprint())))
                    .limit(limit + 1L)
                    .map(e -> e.getValue().current.toRecord(e.getKey(), now))
                    .toList();
            if (matching.size() <= limit) {
                return new Page<>(matching, null);
            }
            List<DedupRecord> page = matching.subList(0, limit);
            return new Page<>(page, page.get(limit - 1).fingerprint());
        }
    }

    private Instant now() {
        // Redis keeps milliseconds; so do we, so both implementations report the same times.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** How long a record is kept after its window, for the status update of its last repeats. */
    private Duration retention() {
        return statusInterval.multipliedBy(2);
    }

    private Entry live(Key key, Instant now) {
        Slot slot = retained(key, now);
        return slot != null && slot.current.live(now) ? slot.current : null;
    }

    /** The slot of a key unless it outlived its retention, which removes it. */
    private Slot retained(Key key, Instant now) {
        Slot slot = slots.get(key);
        if (slot != null && !slot.removeAt.isAfter(now)) {
            slots.remove(key);
            return null;
        }
        return slot;
    }

    /** Drops slots past their retention from the old end, then evicts the oldest while the store is full. */
    private void makeRoom(Instant now) {
        Iterator<Slot> oldestFirst = slots.values().iterator();
        while (oldestFirst.hasNext()) {
            Slot oldest = oldestFirst.next();
            if (oldest.removeAt.isAfter(now) && slots.size() < maxEntries) {
                return;
            }
            oldestFirst.remove();
        }
    }

    private record Key(String source, String fingerprint) {
    }

    /** A fingerprint's record and, after its window ended and a new one began, the one before it. */
    private record Slot(Entry current, Entry previous, Instant removeAt) {
    }

    private static final class Entry {
        private final Instant firstSeen;
        private final Instant expiresAt;
        private Instant lastSeen;
        private long count = 1;
        private Instant statusDueAt;

        Entry(Instant firstSeen, Instant expiresAt) {
            this.firstSeen = firstSeen;
            this.expiresAt = expiresAt;
            this.lastSeen = firstSeen;
        }

        boolean live(Instant now) {
            return expiresAt.isAfter(now);
        }

        DedupRecord toRecord(Key key, Instant now) {
            Duration left = Duration.between(now, expiresAt);
            return new DedupRecord(key.source(), key.fingerprint(), firstSeen, lastSeen, count,
                    left.isNegative() ? Duration.ZERO : left);
        }
    }
}
