package io.kubezen.watcher.queue.redis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.kubezen.watcher.queue.StatusHint;
import io.kubezen.watcher.redis.RedisKeys;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An entry of a shard's status stream ({@link RedisKeys#statusStream}): the status updates that one call of the
 * admission script scheduled in the shard, in one field, {@value #FIELD}, of six lines per update: first-seen,
 * last-seen and due time as 13-digit epoch milliseconds, the count, the namespace as JSON string content, and the
 * record key, whose end names source and fingerprint. One entry per call rather than per update: an entry costs Redis
 * about as much as a first occurrence, whatever it holds. Writers take each update as an entry of its own (see
 * {@link RedisEventQueue}).
 */
final class StatusUpdates {

    static final String FIELD = "statuses";
    private static final int LINES = 6;
    private static final JsonFactory JSON = new JsonFactory();

    private StatusUpdates() {
    }

    /** @throws IllegalArgumentException when the field is missing or does not hold whole, well-formed updates */
    static List<StatusHint> parse(Map<String, String> fields, RedisKeys keys) {
        String text = fields.get(FIELD);
        if (text == null) {
            throw new IllegalArgumentException("status stream entry without a '" + FIELD + "' field");
        }
        String[] lines = text.split("\n", -1);
        if (lines.length % LINES != 0) {
            throw new IllegalArgumentException("status stream entry of " + lines.length + " lines, not " + LINES
                    + " per update");
        }
        List<StatusHint> updates = new ArrayList<>(lines.length / LINES);
        try {
            for (int at = 0; at < lines.length; at += LINES) {
                String key = lines[at + 5];
                String source = keys.dedupRecordSource(key);
                updates.add(new StatusHint(source, keys.dedupRecordFingerprint(key, source), time(lines[at]),
                        namespace(lines[at + 4]), time(lines[at + 2]), time(lines[at + 1]),
                        Long.parseLong(lines[at + 3])));
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed status stream entry: " + e.getMessage(), e);
        }
        return updates;
    }

    private static Instant time(String epochMillis) {
        return Instant.ofEpochMilli(Long.parseLong(epochMillis));
    }

    private static String namespace(String jsonContent) {
        if (jsonContent.indexOf('\\') < 0) {
            return jsonContent;
        }
        try (JsonParser parser = JSON.createParser('"' + jsonContent + '"')) {
            parser.nextToken();
            return parser.getText();
        } catch (IOException e) {
            throw new IllegalArgumentException("namespace '" + jsonContent + "' is not JSON string content", e);
        }
    }
}
