package io.kubezen.watcher.queue.redis;

import io.kubezen.watcher.queue.QueueEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the claim script's reply: the next XAUTOCLAIM cursor, then per entry {id, deliveries, flat fields}. */
final class ClaimReply {

    private ClaimReply() {
    }

    static String cursor(List<Object> reply) {
        return (String) reply.get(0);
    }

    static List<QueueEntry> entries(List<Object> reply) {
        List<QueueEntry> entries = new ArrayList<>(reply.size() - 1);
        for (Object item : reply.subList(1, reply.size())) {
            List<?> entry = (List<?>) item;
            entries.add(new QueueEntry((String) entry.get(0), fields((List<?>) entry.get(2)),
                    Math.toIntExact((Long) entry.get(1))));
        }
        return entries;
    }

    private static Map<String, String> fields(List<?> flat) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put((String) flat.get(i), (String) flat.get(i + 1));
        }
        return fields;
    }
}
