package io.kubezen.watcher.queue;

import java.time.Duration;
import java.util.List;

/**
 * The durable hand-off between the receive path and the writers: a log of entries read through consumer
 * groups, like a Redis Stream. Receivers {@link #append}; each writer reads with its own consumer name in a
 * shared group, so every entry goes to one writer, and acknowledges what it has written. Entries stay
 * pending until acknowledged. Implementations are thread-safe, except that one instance serves one blocking
 * {@link #read} at a time. The Redis one throws {@link io.kubezen.watcher.store.StoreUnavailableException}
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
    List<String> append(List<QueuedObservation> entries);

    /** Creates the consumer group if missing, positioned before the first entry so it sees every entry. */
    void ensureGroup(String group);

    /**
     * Delivers up to {@code count} entries that no consumer of the group has been given yet, waiting up to
     * {@code block} for the first one (not at all for {@link Duration#ZERO}). Delivered entries are pending for
     * {@code consumer} until acknowledged.
     *
     * @throws IllegalStateException when the group does not exist
     */
    List<QueueEntry> read(String group, String consumer, int count, Duration block);

    /** Acknowledges written entries and removes them from the queue. Returns how many were pending. */
    long ack(String group, List<String> ids);

    QueueStats stats(String group);
}
