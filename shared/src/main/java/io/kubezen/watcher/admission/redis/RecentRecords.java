package io.kubezen.watcher.admission.redis;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which dedup records this process recently found inside their window, and until when that window runs: a hint that
 * lets the store send a likely repeat without its Observation, never a decision. The script still decides every
 * event, and one the hint was wrong about comes back to be sent again (see {@code DESIGN.md} in the {@code admission}
 * package), so a stale or lost entry costs a second call, never an event. Hence fixed arrays and no lock: a record is
 * held as a 64-bit hash of its key and its window end, two to a set, and a new record takes the place of the one whose
 * window ends first. Two keys with one hash, or a hash and a window end written by two threads at once, only make a
 * wrong hint.
 */
final class RecentRecords {

    private static final int WAYS = 2;
    private static final long EMPTY = 0;

    private final AtomicLongArray hashes;
    private final AtomicLongArray windowEnds;
    private final int setMask;

    /** @param records how many records it can hold at most; a power of two, at least {@value #WAYS} */
    RecentRecords(int records) {
        if (records < WAYS || Integer.bitCount(records) != 1) {
            throw new IllegalArgumentException("records must be a power of two of at least " + WAYS + ", was " + records);
        }
        this.hashes = new AtomicLongArray(records);
        this.windowEnds = new AtomicLongArray(records);
        this.setMask = records / WAYS - 1;
    }

    /** Whether the record under {@code key} was last seen with a window that runs past {@code nowMillis}. */
    boolean inWindow(String key, long nowMillis) {
        long hash = hash(key);
        int first = firstOfSet(hash);
        for (int i = first; i < first + WAYS; i++) {
            if (hashes.getOpaque(i) == hash) {
                return nowMillis < windowEnds.getOpaque(i);
            }
        }
        return false;
    }

    /** Notes that the record under {@code key} has a window that ends at {@code windowEndsMillis}. */
    void remember(String key, long windowEndsMillis) {
        long hash = hash(key);
        int first = firstOfSet(hash);
        int slot = first;
        for (int i = first; i < first + WAYS; i++) {
            if (hashes.getOpaque(i) == hash) {
                windowEnds.setOpaque(i, windowEndsMillis);
                return;
            }
            if (windowEnds.getOpaque(i) < windowEnds.getOpaque(slot)) {
                slot = i;
            }
        }
        windowEnds.setOpaque(slot, windowEndsMillis);
        hashes.setOpaque(slot, hash);
    }

    /** The set from the hash's bits mixed once more (Murmur3's finalizer): FNV's low bits alone are weak. */
    private int firstOfSet(long hash) {
        long mixed = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
        return (int) ((mixed ^ (mixed >>> 33)) & setMask) * WAYS;
    }

    /** FNV-1a over the key's characters, never {@value #EMPTY}, which marks a free place. */
    private static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x100000001b3L;
        }
        return hash == EMPTY ? 1 : hash;
    }
}
