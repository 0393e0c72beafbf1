package io.kubezen.watcher.bench.apps;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts the packaged ingester and controller jars as processes of their own on loopback, as they run in a
 * cluster, and stops every one of them on {@link #close()}. Settings go on the command line as
 * {@code -key=value}, which Micronaut reads like any other property source.
 */
public final class Apps implements AutoCloseable {

    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path ingesterJar;
    private final Path controllerJar;
    private final Path logDir;
    private final List<String> javaOptions;
    private final List<ChildProcess> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param javaOptions JVM flags of every app, for example the heap size */
    public Apps(Path ingesterJar, Path controllerJar, Path logDir, List<String> javaOptions) {
        this.ingesterJar = ingesterJar;
        this.controllerJar = controllerJar;
        this.logDir = logDir;
        this.javaOptions = List.copyOf(javaOptions);
    }

    /** An ingester on {@code port} with these settings, once its readiness endpoint answers 200. */
    public ChildProcess ingester(String name, int port, Map<String, String> settings) throws Exception {
        return startReady(name, ingesterJar, port, settings);
    }

    /** A controller on {@code port}; a standby is ready too, so this returns for a leader and a standby alike. */
    public ChildProcess controller(String name, int port, Map<String, String> settings) throws Exception {
        return startReady(name, controllerJar, port, settings);
    }

    /** Runs several starts at once, since JVM start-up is most of a short run; returns the apps in order. */
    public List<ChildProcess> startAll(List<Callable<ChildProcess>> starts) throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(starts.size());
        try {
            List<ChildProcess> apps = new ArrayList<>();
            for (Future<ChildProcess> start : starters.invokeAll(starts)) {
                try {
                    apps.add(start.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return apps;
        } finally {
            starters.shutdownNow();
        }
    }

    /** Where each app's log goes, and files the apps are given (tokens). */
    public Path logDir() {
        return logDir;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private ChildProcess startReady(String name, Path jar, int port, Map<String, String> settings) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package it first (./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("-micronaut.server.port=" + port);
        new TreeMap<>(settings).forEach((key, value) -> command.add("-" + key + "=" + value));
        ChildProcess process = ChildProcess.start(name, command, logDir.resolve(name + ".log"));
        synchronized (started) {
            started.add(process);
        }
        awaitReady(process, port);
        return process;
    }

    private void awaitReady(ChildProcess process, int port) throws Exception {
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited during start-up; see " + process.log());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(process.name() + " not ready after " + READY_TIMEOUT + "; see " + process.log());
    }

    @Override
    public void close() throws InterruptedException {
        List<ChildProcess> all;
        synchronized (started) {
            all = List.copyOf(started);
            started.clear();
        }
        for (ChildProcess process : all) {
            if (process.isAlive()) {
                process.stop();
            }
        }
    }
}
