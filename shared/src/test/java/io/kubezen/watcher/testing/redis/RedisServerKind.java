package io.kubezen.watcher.testing.redis;

/**
 * Where a test Redis server comes from, in the order the harness tries them. Force one with the system
 * property {@value RedisServers#KIND_PROPERTY} ({@code path}, {@code embedded} or {@code docker}).
 */
public enum RedisServerKind {
    /** {@code redis-server} found on the PATH, for example Debian's package. */
    PATH,
    /** The Redis binary bundled in the embedded-redis jar, extracted to a temp file. */
    EMBEDDED,
    /** A {@code redis:7} container through Testcontainers; needs Docker. */
    DOCKER
}
