package io.kubezen.watcher.redis;

import java.util.List;

/**
 * One step of a SCAN over the whole keyspace.
 *
 * @param keys   the keys this step found; may be empty while the scan goes on
 * @param cursor where the next step starts, as text a caller can hand out and back; {@code null} when done
 */
public record ScanPage(List<String> keys, String cursor) {

    public boolean isFinished() {
        return cursor == null;
    }
}
