package io.kubezen.watcher.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.ToIntFunction;

/**
 * Several queues read as one: the shards of a partitioned queue, and the single queue of an earlier version while it
 * drains. Writers, the admin API and the queue metrics use it like any queue. Each shard is a queue of its own, so
 * this one qualifies the ids it hands out with the shard's name ({@code s3:1700000000000-0}) and sends each id
 * back to its shard. A read takes the shards in turn, so no shard starves. See {@code DESIGN.md} in this package.
 *
 * <p>Receivers do not append here: an event's shard is chosen, and its entry appended, by the admission step. An
 * {@link #append} here routes each item to its shard, all or nothing per shard only.
 */
public final class ShardedEventQueue implements EventQueue, AutoCloseable {

    private final List<Shard> shards;
    private final Map<String, Integer> byName = new LinkedHashMap<>();
    private final ToIntFunction<QueueItem> shardOf;
    private final ShardedDeadLetters deadLetters;
    private final Object readLock = new Object();
    private int next;

    /**
     * @param shards  the queues, each with a name that may hold neither {@code :} nor {@code -}
     * @param shardOf where {@link #append} puts an item: an index into {@code shards}
     */
    public ShardedEventQueue(List<Shard> shards, ToIntFunction<QueueItem> shardOf) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("a sharded queue has at least one shard");
        }
        this.shards = List.copyOf(shards);
        for (int i = 0; i < shards.size(); i++) {
            String name = shards.get(i).name();
            if (name.isEmpty() || name.contains(":") || name.contains("-") || byName.put(name, i) != null) {
                throw new IllegalArgumentException("shard names must be unique and hold neither ':' nor '-': " + name);
            }
        }
        this.shardOf = shardOf;
        this.deadLetters = new ShardedDeadLetters(this);
    }

    @Override
    public List<String> append(List<? extends QueueItem> entries) {
        Map<Integer, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            positions.computeIfAbsent(shardOf.applyAsInt(entries.get(i)), shard -> new ArrayList<>()).add(i);
        }
        String[] ids = new String[entries.size()];
        positions.forEach((shard, at) -> {
            List<String> appended = shards.get(shard).queue().append(at.stream().map(entries::get).toList());
            for (int i = 0; i < at.size(); i++) {
                ids[at.get(i)] = qualify(shard, appended.get(i));
            }
        });
        return List.of(ids);
    }

    @Override
    public void ensureGroup(String group) {
        shards.forEach(shard -> shard.queue().ensureGroup(group));
    }

    /**
     * Asks each shard in turn without waiting and returns the first entries found. When no shard has any, waits on
     * the next one in turn for a share of {@code block}, so an idle writer still looks at every shard within about
     * {@code block}.
     */
    @Override
    public List<QueueEntry> read(String group, String consumer, int count, Duration block) {
        synchronized (readLock) {
            if (shards.size() == 1) {
                return qualified(0, shards.get(0).queue().read(group, consumer, count, block));
            }
            for (int tried = 0; tried < shards.size(); tried++) {
                int shard = turn();
                List<QueueEntry> entries = shards.get(shard).queue().read(group, consumer, count, Duration.ZERO);
                if (!entries.isEmpty()) {
                    return qualified(shard, entries);
                }
            }
            if (block.isZero()) {
                return List.of();
            }
            int shard = turn();
            return qualified(shard, shards.get(shard).queue().read(group, consumer, count,
                    block.dividedBy(shards.size())));
        }
    }

    @Override
    public List<QueueEntry> claimIdle(String group, String consumer, Duration minIdle, int count) {
        List<QueueEntry> claimed = new ArrayList<>();
        for (int shard = 0; shard < shards.size() && claimed.size() < count; shard++) {
            claimed.addAll(qualified(shard,
                    shards.get(shard).queue().claimIdle(group, consumer, minIdle, count - claimed.size())));
        }
        return claimed;
    }

    @Override
    public long ack(String group, List<String> ids) {
        long acknowledged = 0;
        for (Map.Entry<Integer, List<String>> shard : byShard(ids).entrySet()) {
            acknowledged += shards.get(shard.getKey()).queue().ack(group, shard.getValue());
        }
        return acknowledged;
    }

    @Override
    public boolean deadLetter(String group, QueueEntry entry, String reason, String detail, int attempts) {
        Qualified qualified = parse(entry.id());
        return shards.get(qualified.shard()).queue().deadLetter(group,
                new QueueEntry(qualified.id(), entry.fields(), entry.deliveries()), reason, detail, attempts);
    }

    @Override
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    /** The sums over all shards; lag is unknown when any shard cannot tell it. */
    @Override
    public QueueStats stats(String group) {
        QueueStats sum = new QueueStats(0, 0, OptionalLong.of(0), 0);
        for (Shard shard : shards) {
            sum = sum.plus(shard.queue().stats(group));
        }
        return sum;
    }

    /** Each shard's own numbers, by shard name, for operators who look for a shard that falls behind. */
    public Map<String, QueueStats> statsByShard(String group) {
        Map<String, QueueStats> stats = new LinkedHashMap<>();
        shards.forEach(shard -> stats.put(shard.name(), shard.queue().stats(group)));
        return stats;
    }

    /** Closes the shards that hold resources of their own, such as a connection for blocking reads. */
    @Override
    public void close() {
        for (Shard shard : shards) {
            if (shard.queue() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot close queue shard " + shard.name(), e);
                }
            }
        }
    }

    List<Shard> shards() {
        return shards;
    }

    String qualify(int shard, String id) {
        return shards.get(shard).name() + ":" + id;
    }

    /** @throws IllegalArgumentException when the id does not name one of the shards */
    Qualified parse(String id) {
        int colon = id == null ? -1 : id.indexOf(':');
        Integer shard = colon < 0 ? null : byName.get(id.substring(0, colon));
        if (shard == null) {
            throw new IllegalArgumentException("'" + id + "' is not an entry id of this queue (<shard>:<milliseconds>-<sequence>,"
                    + " shards " + String.join(", ", byName.keySet()) + ")");
        }
        return new Qualified(shard, id.substring(colon + 1));
    }

    /** The ids within each shard, by shard index. */
    Map<Integer, List<String>> byShard(List<String> ids) {
        Map<Integer, List<String>> byShard = new LinkedHashMap<>();
        for (String id : ids) {
            Qualified qualified = parse(id);
            byShard.computeIfAbsent(qualified.shard(), shard -> new ArrayList<>()).add(qualified.id());
        }
        return byShard;
    }

    private int turn() {
        int shard = next;
        next = (next + 1) % shards.size();
        return shard;
    }

    private List<QueueEntry> qualified(int shard, List<QueueEntry> entries) {
        return entries.stream().map(entry -> new QueueEntry(qualify(shard, entry.id()), entry.fields(),
                entry.deliveries())).toList();
    }

    /**
     * One queue among the shards.
     *
     * @param name what ids of its entries and dead letters start with, such as {@code s3}
     */
    public record Shard(String name, EventQueue queue) {
    }

    /** An id taken apart: the shard's index and the id within the shard. */
    record Qualified(int shard, String id) {
    }
}
