package io.kubezen.watcher.system.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

/**
 * An app on a free port in this JVM, from its packaged jar, in a class loader of its own: each app's beans and
 * configuration stay in its own context, and nothing of this test's class path reaches it, so two apps run side
 * by side as in a cluster while the test still starts and stops them in milliseconds.
 */
public final class IsolatedApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URLClassLoader loader;
    private final AutoCloseable context;
    private final URI url;

    private IsolatedApp(URLClassLoader loader, AutoCloseable context, URI url) {
        this.loader = loader;
        this.context = context;
        this.url = url;
    }

    /** The packaged ingester, in the receiver role unless the properties say otherwise. */
    public static IsolatedApp ingester(Map<String, Object> properties) throws Exception {
        Map<String, Object> all = new HashMap<>(properties);
        all.putIfAbsent("zen-watcher.roles", "receiver");
        return start(BuildFiles.ingesterJar(), all);
    }

    public static IsolatedApp controller(Map<String, Object> properties) throws Exception {
        return start(BuildFiles.controllerJar(), properties);
    }

    private static IsolatedApp start(Path jar, Map<String, Object> properties) throws Exception {
        URLClassLoader loader = new URLClassLoader(jar.getFileName().toString(),
                new URL[] {jar.toUri().toURL()}, new JdkModulesOnly());
        Map<String, Object> all = new HashMap<>(properties);
        all.put("micronaut.server.port", -1);
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> contexts = loader.loadClass("io.micronaut.context.ApplicationContext");
            Class<?> servers = loader.loadClass("io.micronaut.runtime.server.EmbeddedServer");
            Object server = contexts.getMethod("run", Class.class, Map.class, String[].class)
                    .invoke(null, servers, all, new String[0]);
            URL address = (URL) servers.getMethod("getURL").invoke(server);
            return new IsolatedApp(loader, (AutoCloseable) servers.getMethod("getApplicationContext").invoke(server),
                    address.toURI());
        } catch (Exception | Error e) {
            loader.close();
            throw e;
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
     * The app's parent loader: the JDK's own modules, including those the application class loader defines
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
}
