package io.kubezen.watcher.testing.redis;

import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A real Redis server for tests: where it listens, and control over its life so tests can take it away
 * ("Redis stopped mid-test") and bring it back on the same port. Obtain one from {@link RedisExtension}
 * or {@link RedisServers}.
 */
public final class RedisServerHandle implements RedisDeployment, AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final long READY_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final RedisServerKind kind;
    private final int port;
    private final RedisProcess process;
    private final Path workDir;
    private final Object lock = new Object();
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private boolean closed;

    RedisServerHandle(RedisServerKind kind, int port, RedisProcess process, Path workDir) {
        this.kind = kind;
        this.port = port;
        this.process = process;
        this.workDir = workDir;
    }

    /** {@code redis://127.0.0.1:port}, usable as {@code zen-watcher.redis.uri}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public RedisConnectionOptions options() {
        return RedisConnectionOptions.of(uri());
    }

    /** INFO, CLUSTER INFO and other commands answered with a text block, whole. */
    public String text(String inlineCommand) {
        try {
            return RespProbe.text(port, inlineCommand);
        } catch (IOException e) {
            throw new UncheckedIOException(inlineCommand + " on " + uri() + " failed", e);
        }
    }

    public int port() {
        return port;
    }

    public RedisServerKind kind() {
        return kind;
    }

    /** Starts the server if it is stopped and returns once it answers PING. */
    public void start() {
        process.start();
        awaitReady();
    }

    /** Stops the server gracefully; the port stays reserved for {@link #start()}. */
    public void stop() {
        process.stop();
    }

    /** Kills the server without letting it save anything, as a crash would. */
    public void kill() {
        process.kill();
    }

    public void restart() {
        stop();
        start();
    }

    public boolean isRunning() {
        return process.isRunning();
    }

    /** Deletes every key in every database. */
    @Override
    public void flushAll() {
        String reply = command("FLUSHALL");
        if (!reply.equals("+OK")) {
            throw new IllegalStateException("FLUSHALL on " + uri() + " answered " + reply);
        }
    }

    /** Sends one inline command (for example {@code "DBSIZE"}) and returns the raw first reply line. */
    public String command(String inlineCommand) {
        try {
            return RespProbe.send(port, inlineCommand);
        } catch (IOException e) {
            throw new UncheckedIOException(inlineCommand + " on " + uri() + " failed", e);
        }
    }

    /** A Lettuce client for this server, created on first use and shut down with the handle. */
    public RedisClient client() {
        synchronized (lock) {
            if (client == null) {
                client = RedisClient.create(uri());
            }
            return client;
        }
    }

    /** Synchronous commands on a connection of the handle's own, for a test to look at or arrange Redis state. */
    @Override
    public RedisCommands<String, String> sync() {
        RedisClient redis = client();
        synchronized (lock) {
            if (connection == null) {
                connection = redis.connect();
            }
            return connection.sync();
        }
    }

    /** Stops the server and deletes its files; called by the extension or at JVM exit. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (client != null) {
                client.shutdown();
            }
        }
        process.close();
        deleteWorkDir();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() - deadline < 0) {
            if (!process.isRunning()) {
                throw new IllegalStateException(kind + " redis-server on port " + port + " exited during start:\n"
                        + process.logTail());
            }
            try {
                last = RespProbe.send(port, "PING");
                if (last.equals("+PONG")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            LockSupport.parkNanos(READY_POLL_NANOS);
        }
        throw new IllegalStateException(kind + " redis-server on port " + port + " did not answer PING within "
                + READY_TIMEOUT + " (last: " + last + "):\n" + process.logTail());
    }

    private void deleteWorkDir() {
        try (Stream<Path> paths = Files.walk(workDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + workDir, e);
        }
    }
}
