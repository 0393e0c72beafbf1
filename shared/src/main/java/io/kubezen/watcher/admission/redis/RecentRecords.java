package io.kubezen.watcher.admission.redis;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Which dedup records this process recently found inside their window, and until when that window runs: a hint that
 * lets the store send a likely repeat without its Observation, never a decision. The script still decides every
 * event, and one the hint was wrong about comes back to be sent again (see {@code DESIGN.md} in the {@code admission}
 * package), so a stale or lost entry costs a second call, never an event. Hence a fixed array indexed by the key's
 * hash: bounded memory, no eviction bookkeeping and no lock; two keys on one slot only take turns.
 */
final class RecentRecords {

    private record Entry(String key, long windowEnds) {
    }

    private final AtomicReferenceArray<Entry> slots;
    private final int mask;

    /** @param slots how many records it can hold at most; a power of two */
    RecentRecords(int slots) {
        if (slots < 1 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a positive power of two, was " + slots);
        }
        this.slots = new AtomicReferenceArray<>(slots);
        this.mask = slots - 1;
    }

    /** Whether the record under {@code key} was last seen with a window that runs past {@code nowMillis}. */
    boolean inWindow(String key, long nowMillis) {
        Entry entry = slots.get(slot(key));
        return entry != null && nowMillis < entry.windowEnds() && entry.key().equals(key);
    }

    /** Notes that the record under {@code key} has a window that ends at {@code windowEndsMillis}. */
    void remember(String key, long windowEndsMillis) {
        int slot = slot(key);
        Entry entry = slots.get(slot);
        // A repeat reports the window end already noted: no new entry, so a repeat allocates nothing here.
        if (entry == null || entry.windowEnds() != windowEndsMillis || !entry.key().equals(key)) {
            slots.set(slot, new Entry(key, windowEndsMillis));
        }
    }

    private int slot(String key) {
        int hash = key.hashCode();
        return (hash ^ (hash >>> 16)) & mask;
    }
}
