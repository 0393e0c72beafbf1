package io.kubezen.watcher.system.apps;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files the module's pom hands the system tests in system properties: the apps' runnable jars as Maven built
 * them (copied before the integration tests) and the benchmark's payloads. A missing file fails the test that
 * needs it; none is skipped for it.
 */
public final class BuildFiles {

    private BuildFiles() {
    }

    public static Path ingesterJar() {
        return file("zen-watcher.ingester-jar");
    }

    public static Path controllerJar() {
        return file("zen-watcher.controller-jar");
    }

    /** A file of {@code bench/payloads}, the events the benchmark and the reliability suite send. */
    public static Path benchPayload(String name) {
        return check("zen-watcher.bench-payloads", file("zen-watcher.bench-payloads").resolve(name));
    }

    private static Path file(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("no system property " + property
                    + ": run the system tests through Maven (./mvnw -pl system-tests -am verify)");
        }
        return check(property, Path.of(value));
    }

    private static Path check(String property, Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " leads to " + path + ", which does not exist: build and run"
                    + " the system tests with ./mvnw -pl system-tests -am verify");
        }
        return path;
    }
}
