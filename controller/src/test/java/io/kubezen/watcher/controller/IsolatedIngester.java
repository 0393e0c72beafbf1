package io.kubezen.watcher.controller;

import io.kubezen.watcher.testing.kube.RepositoryCrds;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An ingester app on a free port in this JVM (receiver role unless the properties say otherwise), from the
 * ingester module's compiled classes, in a class loader of its own: the
 * controller's beans and configuration stay out of its context, and its beans out of ours. The dependencies
 * are this test's, minus the controller's own classes, so the two apps share only library classes' code.
 * Run the reactor with both modules ({@code -pl controller,ingester -am}) so those classes are current.
 */
public final class IsolatedIngester implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URLClassLoader loader;
    private final AutoCloseable context;
    private final URI url;

    private IsolatedIngester(URLClassLoader loader, AutoCloseable context, URI url) {
        this.loader = loader;
        this.context = context;
        this.url = url;
    }

    public static IsolatedIngester start(Map<String, Object> properties) throws Exception {
        Path ingesterClasses = RepositoryCrds.directory().getParent().getParent().resolve("ingester/target/classes");
        assumeTrue(Files.isDirectory(ingesterClasses.resolve("io")), "the ingester module is not compiled");
        List<URL> urls = new ArrayList<>(List.of(ingesterClasses.toUri().toURL()));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (!path.startsWith(Path.of("").toAbsolutePath().resolve("target"))) {
                urls.add(url(path));
            }
        }
        URLClassLoader loader = new URLClassLoader("ingester", urls.toArray(URL[]::new), new JdkModulesOnly());
        Map<String, Object> all = new HashMap<>(properties);
        all.put("micronaut.server.port", -1);
        all.putIfAbsent("zen-watcher.roles", "receiver");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> contexts = loader.loadClass("io.micronaut.context.ApplicationContext");
            Class<?> servers = loader.loadClass("io.micronaut.runtime.server.EmbeddedServer");
            Object server = contexts.getMethod("run", Class.class, Map.class, String[].class)
                    .invoke(null, servers, all, new String[0]);
            URL address = (URL) servers.getMethod("getURL").invoke(server);
            return new IsolatedIngester(loader, (AutoCloseable) servers.getMethod("getApplicationContext").invoke(server),
                    address.toURI());
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    public HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(url.resolve(path)).GET().build());
    }

    @Override
    public void close() throws Exception {
        try {
            context.close();
        } finally {
            loader.close();
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The ingester's parent loader: the JDK's own modules, including those the application class loader defines
     * (such as {@code jdk.random}, whose generators {@code RandomGenerator.getDefault()} finds through
     * {@code ServiceLoader}), and nothing from this test's class path, classes or resources.
     */
    private static final class JdkModulesOnly extends ClassLoader {

        JdkModulesOnly() {
            super("jdk-modules", ClassLoader.getSystemClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            Class<?> type = getParent().loadClass(name);
            if (!type.getModule().isNamed()) {
                throw new ClassNotFoundException(name);
            }
            return type;
        }

        @Override
        public URL getResource(String name) {
            return null;
        }

        @Override
        public Enumeration<URL> getResources(String name) {
            return Collections.emptyEnumeration();
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
