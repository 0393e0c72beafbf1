package io.kubezen.watcher.queue.redis;

import io.kubezen.watcher.queue.DeadLetter;
import io.kubezen.watcher.queue.DeadLetterCodec;
import io.kubezen.watcher.queue.DeadLetters;
import io.kubezen.watcher.queue.EntryId;
import io.kubezen.watcher.queue.QueueFullException;
import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisScript;
import io.kubezen.watcher.store.Page;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The dead-letter stream ({@link io.kubezen.watcher.redis.RedisKeys#deadLetterStream}) of a
 * {@link RedisEventQueue}. Replay is a script on both streams, which share a hash slot, so an entry is in
 * exactly one of them at any moment.
 */
final class RedisDeadLetters implements DeadLetters {

    private static final RedisScript REPLAY = RedisScript.resource(RedisDeadLetters.class, "replay.lua");

    /** Dead letters replayed per script call: each call holds Redis for as long as it runs. */
    private static final int REPLAY_CHUNK = 100;

    private final RedisConnector connector;
    private final String[] keys;
    private final long capacity;

    RedisDeadLetters(RedisConnector connector, String stream, String deadLetterStream, long capacity) {
        this.connector = connector;
        this.keys = new String[] {stream, deadLetterStream};
        this.capacity = capacity;
    }

    @Override
    public Page<DeadLetter> list(String cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        // One more than asked tells whether another page follows.
        List<StreamMessage<String, String>> read = range(after(cursor), Range.Boundary.unbounded(), limit + 1);
        List<DeadLetter> page = read.stream().limit(limit)
                .map(message -> DeadLetterCodec.decode(message.getId(), message.getBody()))
                .toList();
        return new Page<>(page, read.size() > limit ? page.get(limit - 1).id() : null);
    }

    @Override
    public int replay(List<String> ids) {
        List<String> sorted = new TreeSet<>(ids.stream().map(EntryId::parse).toList()).stream()
                .map(EntryId::toString).toList();
        int moved = 0;
        for (int from = 0; from < sorted.size(); from += REPLAY_CHUNK) {
            List<String> args = new ArrayList<>();
            args.add(Long.toString(capacity));
            args.add(DeadLetterCodec.OWN_FIELD_PREFIX);
            args.addAll(sorted.subList(from, Math.min(sorted.size(), from + REPLAY_CHUNK)));
            List<Object> reply = RedisCalls.await(REPLAY.run(connector.shared().async(), ScriptOutputType.MULTI,
                    keys, args.toArray(String[]::new)), "dead-letter replay");
            if ("FULL".equals(reply.get(0))) {
                throw new QueueFullException(Long.parseLong((String) reply.get(1)), args.size() - 2, capacity);
            }
            moved += Integer.parseInt((String) reply.get(1));
        }
        return moved;
    }

    /** Replays page by page up to the newest dead letter of the start, so entries failing again are not looped over. */
    @Override
    public long replayAll() {
        List<StreamMessage<String, String>> newest = RedisCalls.await(
                connector.shared().async().xrevrange(keys[1], Range.unbounded(), Limit.from(1)), "dead-letter replay");
        if (newest.isEmpty()) {
            return 0;
        }
        Range.Boundary<String> last = Range.Boundary.including(newest.get(0).getId());
        long moved = 0;
        List<String> ids = idsUpTo(last, null);
        while (!ids.isEmpty()) {
            moved += replay(ids);
            ids = idsUpTo(last, ids.get(ids.size() - 1));
        }
        return moved;
    }

    @Override
    public boolean delete(String id) {
        String checked = EntryId.parse(id).toString();
        return RedisCalls.await(connector.shared().async().xdel(keys[1], checked), "dead-letter delete") == 1;
    }

    private List<StreamMessage<String, String>> range(Range.Boundary<String> from, Range.Boundary<String> to, int count) {
        return RedisCalls.await(connector.shared().async().xrange(keys[1], Range.from(from, to), Limit.from(count)),
                "dead-letter list");
    }

    private List<String> idsUpTo(Range.Boundary<String> last, String cursor) {
        return range(after(cursor), last, REPLAY_CHUNK).stream().map(StreamMessage::getId).toList();
    }

    private static Range.Boundary<String> after(String cursor) {
        return cursor == null ? Range.Boundary.unbounded() : Range.Boundary.excluding(EntryId.parse(cursor).toString());
    }
}
