package io.kubezen.watcher.bench.bare;

import io.micronaut.runtime.Micronaut;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bare endpoint after defining and linking classes it never uses, for the cold start benchmark's
 * {@code classes=N} configuration: what a start pays per class it reads, apart from anything the classes do. The
 * classes are the first {@code N} of the ingester's start list that the JDK does not hold, read from the ingester's
 * jar ({@code -Dbench.extra-classes.jar}) into a class loader of their own, so none of them is one the endpoint
 * already has and none of its bean definitions reaches Micronaut.
 */
public final class ExtraClassesEndpoint {

    static final String COUNT_PROPERTY = "bench.extra-classes";
    static final String JAR_PROPERTY = "bench.extra-classes.jar";
    static final String START_LIST = "io/kubezen/watcher/ingester/startup/start-classes.txt";

    private ExtraClassesEndpoint() {
    }

    public static void main(String[] args) throws IOException {
        int count = Integer.getInteger(COUNT_PROPERTY, 0);
        URLClassLoader loader = loaderOf(Path.of(System.getProperty(JAR_PROPERTY,
                "ingester/target/zen-watcher-ingester.jar")));
        List<String> names;
        try (InputStream list = loader.getResourceAsStream(START_LIST)) {
            if (list == null) {
                throw new IllegalArgumentException(loader.getURLs()[0] + " has no " + START_LIST);
            }
            names = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8)).lines().toList();
        }
        int defined = define(loader, names, count).size();
        if (defined < count) {
            throw new IllegalStateException("defined " + defined + " classes of the " + count + " asked for");
        }
        Micronaut.run(ExtraClassesEndpoint.class, args);
    }

    /** A loader of the jar's classes alone: its parent is the JDK's, not the application's. */
    static URLClassLoader loaderOf(Path jar) {
        try {
            return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads and links the first {@code count} of {@code names} that {@code loader} defines itself (the JDK's are
     * skipped, and any it cannot load), without initializing them; answers those it defined.
     */
    static List<Class<?>> define(ClassLoader loader, List<String> names, int count) {
        List<Class<?>> defined = new ArrayList<>(count);
        for (String name : names) {
            if (defined.size() == count) {
                break;
            }
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (type.getClassLoader() == loader) {
                    // The JVM links a class before it lists its fields: its bytecode is verified, as on first use.
                    type.getDeclaredFields();
                    defined.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // a class whose dependencies the jar lacks costs what it cost until it failed, and is not counted
            }
        }
        return defined;
    }
}
