package io.kubezen.watcher.testing.redis;

import org.testcontainers.DockerClientFactory;
import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Starts real Redis servers for tests. Each gets a free loopback port and its own temp dir, and every
 * server still running when the JVM exits is stopped by its PID.
 */
public final class RedisServers {

    /** System property that forces a {@link RedisServerKind} (lowercase name); unset or {@code auto} tries each in order. */
    public static final String KIND_PROPERTY = "zen-watcher.test.redis";

    private static final List<RedisServerHandle> STARTED = new ArrayList<>();
    private static Path embeddedBinary;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(RedisServers::closeAll, "redis-test-servers-shutdown"));
    }

    private RedisServers() {
    }

    /** A new running server of the kind chosen by {@link #KIND_PROPERTY} or the first one available. */
    public static RedisServerHandle start(RedisServerOptions options) {
        return start(chooseKind(), options);
    }

    public static RedisServerHandle start(RedisServerKind kind, RedisServerOptions options) {
        try {
            int port = freeLoopbackPort();
            Path workDir = Files.createTempDirectory("zw-redis-" + port + "-");
            RedisServerHandle handle = new RedisServerHandle(kind, port, process(kind, port, workDir, options), workDir);
            synchronized (STARTED) {
                STARTED.add(handle);
            }
            handle.start();
            return handle;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare a " + kind + " Redis server", e);
        }
    }

    /** Runs a Redis tool (redis-cli, openssl) to its end; fails with its output when it exits non-zero. */
    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    static RedisServerKind chooseKind() {
        String forced = System.getProperty(KIND_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (!forced.equals("auto")) {
            return RedisServerKind.valueOf(forced.toUpperCase(Locale.ROOT));
        }
        if (binaryOnPath().isPresent()) {
            return RedisServerKind.PATH;
        }
        if (embeddedBinaryIfSupported().isPresent()) {
            return RedisServerKind.EMBEDDED;
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return RedisServerKind.DOCKER;
        }
        throw new IllegalStateException("No Redis server for tests: install redis-server on the PATH "
                + "(apt-get install redis-server), run on a platform the embedded-redis jar supports, or provide Docker.");
    }

    private static RedisProcess process(RedisServerKind kind, int port, Path workDir, RedisServerOptions options)
            throws IOException {
        if (kind == RedisServerKind.DOCKER) {
            if (options.sentinel() || !options.extra().isEmpty()) {
                throw new IllegalStateException("Cluster, Sentinel and TLS test servers run only from redis-server on the PATH");
            }
            return new ContainerRedisProcess(port, options);
        }
        Path binary = kind == RedisServerKind.PATH
                ? binaryOnPath().orElseThrow(() -> new IllegalStateException(
                        "redis-server is not on the PATH; Cluster, Sentinel and TLS tests need it (apt-get install redis-server)"))
                : embeddedBinaryIfSupported().orElseThrow(() -> new IllegalStateException(
                        "the embedded-redis jar has no Redis binary for this platform"));
        Path config = Files.writeString(workDir.resolve("redis.conf"),
                options.configText("127.0.0.1", port, workDir.toString()));
        return new LocalRedisProcess(binary, config, workDir.resolve("redis.log"),
                options.sentinel() ? List.of("--sentinel") : List.of());
    }

    private static Optional<Path> binaryOnPath() {
        return onPath("redis-server");
    }

    /** A Redis tool such as {@code redis-cli} from the PATH. */
    static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Extracts the bundled binary once per JVM; embedded-redis deletes it again at exit. */
    private static synchronized Optional<Path> embeddedBinaryIfSupported() {
        if (embeddedBinary == null) {
            try {
                embeddedBinary = ExecutableProvider.newJarResourceProvider().get().toPath();
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.of(embeddedBinary);
    }

    /** The port is free when we look; a race with another process is possible but shows as a clear start failure. */
    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void closeAll() {
        List<RedisServerHandle> handles;
        synchronized (STARTED) {
            handles = List.copyOf(STARTED);
        }
        handles.forEach(RedisServerHandle::close);
    }
}
