package io.kubezen.watcher.testing.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A redis-server binary run as a child process. It is stopped through its own {@link ProcessHandle},
 * never by name, so other servers on the machine (other test JVMs, other engineers) are left alone.
 */
final class LocalRedisProcess implements RedisProcess {

    private static final long EXIT_TIMEOUT_SECONDS = 10;
    private static final int LOG_TAIL_LINES = 20;

    private final Path binary;
    private final Path config;
    private final Path log;
    private final List<String> arguments;
    private Process process;

    /** {@code arguments} follow the config file on the command line, such as {@code --sentinel}. */
    LocalRedisProcess(Path binary, Path config, Path log, List<String> arguments) {
        this.binary = binary;
        this.config = config;
        this.log = log;
        this.arguments = List.copyOf(arguments);
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            List<String> command = new ArrayList<>(List.of(binary.toString(), config.toString()));
            command.addAll(arguments);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + binary, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (isRunning()) {
            process.toHandle().destroy();
            awaitExit();
        }
    }

    @Override
    public synchronized void kill() {
        if (isRunning()) {
            process.toHandle().destroyForcibly();
            awaitExit();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitExit() {
        try {
            process.onExit().get(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.toHandle().destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping redis-server pid " + process.pid(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not stop redis-server pid " + process.pid(), e);
        }
    }
}
