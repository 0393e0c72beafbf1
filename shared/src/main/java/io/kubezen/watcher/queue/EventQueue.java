package io.kubezen.watcher.queue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The durable hand-off between the receive path and the writers: a log of entries read through consumer
 * groups, like a Redis Stream. Receivers {@link #append}; each writer reads with its own consumer name in a
 * shared group, so every entry goes to one writer, and acknowledges what it has written. Entries stay
 * pending until acknowledged. Implementations are thread-safe, except that one instance serves one blocking
 * {@link #read} at a time. Delivery is at least once: an entry comes again after {@link #claimIdle}, so writers
 * must be idempotent. The Redis one throws {@link io.kubezen.watcher.store.StoreUnavailableException}
 * when Redis cannot be reached. See {@code DESIGN.md} in this package.
 */
public interface EventQueue {

    String DEFAULT_GROUP = "zw-writers";

    /**
     * Appends the batch, all or nothing, and returns the new ids in order. Returns only once the entries are
     * durably in the queue, so the caller may then acknowledge the events to their sender.
     *
     * @throws QueueFullException when the batch does not fit; nothing was appended
     */
    List<String> append(List<? extends QueueItem> entries);

    /**
     * {@link #append} without waiting: the stage completes once the entries are durably in the queue, or
     * fails as {@code append} would throw. It may complete on a Redis client's I/O thread, so whoever chains
     * on it must not block.
     */
    default CompletionStage<List<String>> appendAsync(List<? extends QueueItem> entries) {
        try {
            return CompletableFuture.completedFuture(append(entries));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Creates the consumer group if missing, positioned before the first entry so it sees every entry. */
    void ensureGroup(String group);

    /**
     * Delivers entries that no consumer of the group has been given yet, waiting up to {@code block} for the first
     * one (not at all for {@link Duration#ZERO}). Delivered entries are pending for {@code consumer} until
     * acknowledged. {@code count} bounds what is read, not always what comes back: an implementation may store the
     * status updates scheduled together as one entry and deliver them together (the Redis queue keeps one admission
     * call's as one status stream entry, and reads its two streams at once), so a caller takes the list's size as
     * it comes.
     *
     * @throws IllegalStateException when the group does not exist
     */
    List<QueueEntry> read(String group, String consumer, int count, Duration block);

    /**
     * Takes over entries of the group that were delivered (to any consumer, this one included) and not
     * acknowledged for at least {@code minIdle}, oldest first, and makes them pending for {@code consumer}; up to
     * {@code count} of them, or more where status updates stored together come back together, as with
     * {@link #read}. Writers call it now and then, so the batch of a writer that crashed is delivered to a live
     * one. Each returned entry's {@link QueueEntry#deliveries()} counts this delivery too; a claimed entry is idle
     * again from now, so two consumers claiming at once never get the same entry.
     *
     * @throws IllegalStateException when the group does not exist
     */
    List<QueueEntry> claimIdle(String group, String consumer, Duration minIdle, int count);

    /** Acknowledges written entries and removes them from the queue. Returns how many were pending. */
    long ack(String group, List<String> ids);

    /**
     * Gives up on a pending entry: adds it to the {@link #deadLetters()} with why, then acknowledges and removes
     * it, as one atomic step. If the dead letter cannot be written, nothing is acknowledged and the entry stays
     * pending (and an exception says why), so an entry is never dropped. Returns false, changing nothing, when
     * the entry is no longer pending in the group: another consumer claimed and finished it meanwhile.
     *
     * @param reason   a short lowercase word from the writer's set, such as {@code invalid} or {@code max_deliveries}
     * @param detail   free text for the operator: the API server's message, the offending field
     * @param attempts how many times the writer tried the entry
     * @throws IllegalArgumentException when the reason is not a short lowercase word or attempts are negative
     * @throws IllegalStateException    when the group does not exist
     */
    boolean deadLetter(String group, QueueEntry entry, String reason, String detail, int attempts);

    /** The entries given up on with {@link #deadLetter}, for inspection and replay into this queue. */
    DeadLetters deadLetters();

    QueueStats stats(String group);
}
