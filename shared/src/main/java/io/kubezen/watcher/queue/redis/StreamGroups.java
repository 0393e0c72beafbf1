package io.kubezen.watcher.queue.redis;

import io.kubezen.watcher.queue.QueueStats;

import java.util.List;
import java.util.OptionalLong;

/** Reads a group's numbers out of the raw XINFO GROUPS reply: per group, a flat list of names and values. */
final class StreamGroups {

    private StreamGroups() {
    }

    /** A missing group has delivered nothing, so every entry counts as lag. */
    static QueueStats stats(long length, List<Object> groups, String group, long deadLetters) {
        for (Object info : groups) {
            List<?> fields = (List<?>) info;
            if (group.equals(value(fields, "name"))) {
                Object pending = value(fields, "pending");
                // "lag" exists from Redis 7.0 on, and is nil when Redis cannot compute it.
                Object lag = value(fields, "lag");
                return new QueueStats(length, pending == null ? 0 : (Long) pending,
                        lag == null ? OptionalLong.empty() : OptionalLong.of((Long) lag), deadLetters);
            }
        }
        return new QueueStats(length, 0, OptionalLong.of(length), deadLetters);
    }

    private static Object value(List<?> fields, String name) {
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (name.equals(fields.get(i))) {
                return fields.get(i + 1);
            }
        }
        return null;
    }
}
