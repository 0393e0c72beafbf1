package io.kubezen.watcher.ingester.limit.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

/**
 * A throwaway {@code redis-server} (Debian package) on a free loopback port, for this module's ITs
 * until the shared Redis test extension lands. No persistence; {@code KEYS} is disabled to prove we
 * never use it.
 */
final class RedisServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RedisServerProcess start() {
        int port = freePort();
        try {
            Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--rename-command", "KEYS", "")
                    .redirectErrorStream(true)
                    .start();
            awaitReady(process);
            return new RedisServerProcess(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server; install it with apt-get install redis-server", e);
        }
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        process.onExit().join();
    }

    /** Reads the server log until it says it is ready; the reader thread keeps draining it afterwards. */
    private static void awaitReady(Process process) throws IOException {
        BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = log.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains("Ready to accept connections")) {
                Thread drain = new Thread(() -> drain(log), "redis-server-log");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IllegalStateException("redis-server exited before it was ready:\n" + seen);
    }

    private static void drain(BufferedReader log) {
        try {
            log.lines().forEach(l -> { });
        } catch (UncheckedIOException e) {
            // close() destroyed the process and its pipe; nothing left to drain.
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
