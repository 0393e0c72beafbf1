package io.kubezen.watcher.testing.redis;

import java.util.ArrayList;
import java.util.List;

/**
 * How a test server is configured beyond the harness's fixed settings (loopback only, {@code KEYS}
 * renamed away, no RDB snapshots).
 *
 * @param appendOnly turn on the append-only file with {@code appendfsync always}, so a killed server
 *                   restarts with every acknowledged write; the file lives in the server's own temp dir
 * @param extra      further redis.conf lines, such as {@code cluster-enabled yes} or {@code replicaof …}
 * @param sentinel   run it as a Sentinel ({@code --sentinel}): then only {@code extra} follows the address
 */
public record RedisServerOptions(boolean appendOnly, List<String> extra, boolean sentinel) {

    public static final RedisServerOptions DEFAULT = new RedisServerOptions(false, List.of(), false);
    public static final RedisServerOptions APPEND_ONLY = new RedisServerOptions(true, List.of(), false);

    public RedisServerOptions {
        extra = List.copyOf(extra);
    }

    /** A Sentinel configured by {@code lines} ({@code sentinel monitor …}). */
    static RedisServerOptions sentinel(List<String> lines) {
        return new RedisServerOptions(false, lines, true);
    }

    /** These options plus {@code lines}. */
    RedisServerOptions with(String... lines) {
        List<String> all = new ArrayList<>(extra);
        all.addAll(List.of(lines));
        return new RedisServerOptions(appendOnly, all, sentinel);
    }

    /** The redis.conf text for a server listening on {@code port} and keeping its files in {@code dir}. */
    String configText(String bind, int port, String dir) {
        List<String> lines = new ArrayList<>(List.of(
                "bind " + bind,
                "port " + port,
                "daemonize no",
                "dir \"" + dir + "\""));
        if (!sentinel) {
            lines.addAll(List.of(
                    "save \"\"",
                    "appendonly " + (appendOnly ? "yes" : "no"),
                    "appendfsync always",
                    // Our code must list keys with SCAN only; a KEYS call fails the test that makes it.
                    "rename-command KEYS \"\""));
        }
        lines.addAll(extra);
        lines.add("");
        return String.join("\n", lines);
    }
}
