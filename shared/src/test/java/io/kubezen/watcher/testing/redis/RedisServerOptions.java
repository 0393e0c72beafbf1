package io.kubezen.watcher.testing.redis;

/**
 * How a test server is configured beyond the harness's fixed settings (loopback only, {@code KEYS}
 * renamed away, no RDB snapshots).
 *
 * @param appendOnly turn on the append-only file with {@code appendfsync always}, so a killed server
 *                   restarts with every acknowledged write; the file lives in the server's own temp dir
 */
public record RedisServerOptions(boolean appendOnly) {

    public static final RedisServerOptions DEFAULT = new RedisServerOptions(false);
    public static final RedisServerOptions APPEND_ONLY = new RedisServerOptions(true);

    /** The redis.conf text for a server listening on {@code port} and keeping its files in {@code dir}. */
    String configText(String bind, int port, String dir) {
        return String.join("\n",
                "bind " + bind,
                "port " + port,
                "daemonize no",
                "save \"\"",
                "dir \"" + dir + "\"",
                "appendonly " + (appendOnly ? "yes" : "no"),
                "appendfsync always",
                // Our code must list keys with SCAN only; a KEYS call fails the test that makes it.
                "rename-command KEYS \"\"",
                "");
    }
}
