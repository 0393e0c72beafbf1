package io.kubezen.watcher.dedup.memory;

import io.kubezen.watcher.dedup.DedupRecord;
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
 * The dedup store of the embedded, single-process mode. Bounded: when full, the record first seen longest
 * ago is evicted, so memory stays flat under a flood at the cost of re-emitting that oldest event early.
 */
public final class InMemoryDedupStore implements DedupStore {

    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private final Clock clock;
    private final int maxEntries;
    private final Object lock = new Object();
    /** In first-seen order, because duplicates never re-insert; eviction relies on that. */
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>();

    public InMemoryDedupStore(Clock clock, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    @Override
    public List<DedupResult> record(List<DedupRequest> batch) {
        List<DedupResult> results = new ArrayList<>(batch.size());
        synchronized (lock) {
            for (DedupRequest request : batch) {
                Instant now = now();
                Key key = new Key(request.source(), request.fingerprint());
                Entry entry = live(key, now);
                boolean first = entry == null;
                if (first) {
                    makeRoom(now);
                    entry = new Entry(now, now.plus(request.window()));
                    entries.put(key, entry);
                } else {
                    entry.lastSeen = now.isAfter(entry.lastSeen) ? now : entry.lastSeen;
                    entry.count++;
                }
                results.add(new DedupResult(first, !first && !entry.queued, entry.toRecord(key, now)));
            }
        }
        return results;
    }

    @Override
    public void markQueued(String source, List<String> fingerprints) {
        SourceNames.check(source);
        synchronized (lock) {
            Instant now = now();
            for (String fingerprint : fingerprints) {
                Entry entry = live(new Key(source, fingerprint), now);
                if (entry != null) {
                    entry.queued = true;
                }
            }
        }
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
    public boolean forget(String source, String fingerprint) {
        Key key = new Key(SourceNames.check(source), fingerprint);
        synchronized (lock) {
            Entry removed = entries.remove(key);
            return removed != null && removed.expiresAt.isAfter(now());
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
            List<DedupRecord> matching = entries.entrySet().stream()
                    .filter(e -> e.getKey().source().equals(source) && e.getValue().expiresAt.isAfter(now))
                    .filter(e -> cursor == null || e.getKey().fingerprint().compareTo(cursor) > 0)
                    .sorted(Map.Entry.comparingByKey((a, b) -> a.fingerprint().compareTo(b.fingerprint())))
                    .limit(limit + 1L)
                    .map(e -> e.getValue().toRecord(e.getKey(), now))
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

    private Entry live(Key key, Instant now) {
        Entry entry = entries.get(key);
        if (entry != null && !entry.expiresAt.isAfter(now)) {
            entries.remove(key);
            return null;
        }
        return entry;
    }

    /** Drops expired records from the old end, then evicts the oldest live ones while the store is full. */
    private void makeRoom(Instant now) {
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
            Entry oldest = oldestFirst.next();
            if (oldest.expiresAt.isAfter(now) && entries.size() < maxEntries) {
                return;
            }
            oldestFirst.remove();
        }
    }

    private record Key(String source, String fingerprint) {
    }

    private static final class Entry {
        private final Instant firstSeen;
        private final Instant expiresAt;
        private Instant lastSeen;
        private long count = 1;
        private boolean queued;

        Entry(Instant firstSeen, Instant expiresAt) {
            this.firstSeen = firstSeen;
            this.expiresAt = expiresAt;
            this.lastSeen = firstSeen;
        }

        DedupRecord toRecord(Key key, Instant now) {
            return new DedupRecord(key.source(), key.fingerprint(), firstSeen, lastSeen, count,
                    Duration.between(now, expiresAt));
        }
    }
}
