package io.kubezen.watcher.queue;

import io.kubezen.watcher.store.Page;

import java.util.List;

/**
 * The entries the writers gave up on ({@link EventQueue#deadLetter}), for operators: inspect them, and once
 * the cause is fixed (the namespace created, the RBAC granted) replay them into the queue or delete them.
 * Obtained from {@link EventQueue#deadLetters()}, because replay moves entries back into that queue.
 * Thread-safe; the Redis one throws {@link io.kubezen.watcher.store.StoreUnavailableException} when Redis
 * cannot be reached. Ids are validated: a malformed one is an {@link IllegalArgumentException}.
 */
public interface DeadLetters {

    /**
     * Up to {@code limit} dead letters, oldest first, starting after {@code cursor} (null for the first page).
     * Dead letters added while paging show up on a later page.
     */
    Page<DeadLetter> list(String cursor, int limit);

    /**
     * Moves the dead letters with these ids back into the queue as fresh entries, which the group then
     * delivers like any new entry, and returns how many were moved; ids that are not (or no longer) dead
     * letters are skipped. Each entry moves atomically: it is in the queue or among the dead letters, never
     * both or neither.
     *
     * @throws QueueFullException when the queue has no room for them; those refused stay dead letters
     */
    int replay(List<String> ids);

    /**
     * Replays every dead letter that exists when the call starts, oldest first, and returns how many. Entries
     * dead-lettered again while it runs are left for the next call, so it always ends.
     *
     * @throws QueueFullException when the queue has no room; what was not replayed stays a dead letter
     */
    long replayAll();

    /** Deletes one dead letter for good; false when there was none with that id. */
    boolean delete(String id);
}
