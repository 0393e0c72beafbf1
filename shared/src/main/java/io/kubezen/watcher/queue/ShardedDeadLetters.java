package io.kubezen.watcher.queue;

import io.kubezen.watcher.store.Page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The dead letters of every shard of a {@link ShardedEventQueue} as one list, oldest first (by entry id, then
 * shard), with ids qualified by shard like the queue's. A replayed dead letter goes back into its own shard, next to
 * its dedup record.
 */
final class ShardedDeadLetters implements DeadLetters {

    private static final Comparator<Listed> ORDER = Comparator.comparing((Listed listed) -> listed.id)
            .thenComparingInt(listed -> listed.shard);

    private final ShardedEventQueue queue;

    ShardedDeadLetters(ShardedEventQueue queue) {
        this.queue = queue;
    }

    /**
     * Asks every shard for a page after the cursor and merges them. The cursor is the last qualified id of the
     * previous page: shards up to its own continue after its id, later shards from its id on.
     */
    @Override
    public Page<DeadLetter> list(String cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        ShardedEventQueue.Qualified after = cursor == null ? null : queue.parse(cursor);
        EntryId afterId = after == null ? null : EntryId.parse(after.id());
        List<Listed> merged = new ArrayList<>();
        boolean more = false;
        for (int shard = 0; shard < queue.shards().size(); shard++) {
            String from = afterId == null ? null : shard <= after.shard() ? afterId.toString() : before(afterId);
            Page<DeadLetter> page = queue.shards().get(shard).queue().deadLetters().list(from, limit);
            more |= page.hasMore();
            for (DeadLetter letter : page.items()) {
                merged.add(new Listed(EntryId.parse(letter.id()), shard, letter));
            }
        }
        merged.sort(ORDER);
        more |= merged.size() > limit;
        List<DeadLetter> items = merged.stream().limit(limit).map(listed -> {
            DeadLetter letter = listed.letter;
            return new DeadLetter(queue.qualify(listed.shard, letter.id()), letter.deadLetteredAt(), letter.reason(),
                    letter.detail(), letter.attempts(), letter.originalId(), letter.fields());
        }).toList();
        return new Page<>(items, more && !items.isEmpty() ? items.get(items.size() - 1).id() : null);
    }

    @Override
    public int replay(List<String> ids) {
        int moved = 0;
        for (Map.Entry<Integer, List<String>> shard : queue.byShard(ids).entrySet()) {
            moved += queue.shards().get(shard.getKey()).queue().deadLetters().replay(shard.getValue());
        }
        return moved;
    }

    @Override
    public long replayAll() {
        long moved = 0;
        for (ShardedEventQueue.Shard shard : queue.shards()) {
            moved += shard.queue().deadLetters().replayAll();
        }
        return moved;
    }

    @Override
    public boolean delete(String id) {
        ShardedEventQueue.Qualified qualified = queue.parse(id);
        return queue.shards().get(qualified.shard()).queue().deadLetters().delete(qualified.id());
    }

    /** A cursor that lists {@code id} itself too: the id just before it, or from the start for the very first. */
    private static String before(EntryId id) {
        if (id.sequence() > 0) {
            return new EntryId(id.millis(), id.sequence() - 1).toString();
        }
        return id.millis() == 0 ? null : new EntryId(id.millis() - 1, Long.MAX_VALUE).toString();
    }

    private record Listed(EntryId id, int shard, DeadLetter letter) {
    }
}
