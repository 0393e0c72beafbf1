package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process Kubernetes API server for tests: real HTTP/1.1 on loopback, so production code paths (client-java's
 * {@code ApiClient}, {@code GenericKubernetesApi}, informers, {@code LeaderElector}, micronaut-kubernetes) run
 * against it unchanged. It serves namespaces, configmaps, secrets, events, pods (and their logs), leases and the CRDs
 * it was given, with resourceVersions, watches, paging, selectors and CRD schema validation; docs/dev-kube-apiserver.md lists what it
 * does and does not do.
 *
 * <pre>{@code
 * try (TestApiServer server = TestApiServer.builder().repositoryCrds().namespaces("team-a").build().start()) {
 *     CoreV1Api core = new CoreV1Api(server.apiClient());
 * }
 * }</pre>
 */
public final class TestApiServer implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK add ~40 ms to every response. Read once, when the first HttpServer is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> SYSTEM_NAMESPACES = List.of("default", "kube-system", "kube-public",
            "kube-node-lease");

    private final ResourceRegistry registry;
    private final ObjectStore store;
    private final ResourceWrites writes;
    private final ResourceEndpoints endpoints;
    private final WatchStream watches;
    private final RequestJournal journal;
    private final PodLogs logs;
    private final Set<String> namespaces;
    private final Object lifecycle = new Object();
    private HttpServer http;
    private ExecutorService executor;
    private boolean started;

    private TestApiServer(Builder builder) {
        this.registry = new ResourceRegistry(builder.customTypes);
        this.store = new ObjectStore(builder.watchHistorySize);
        this.writes = new ResourceWrites(store, registry, builder.clock);
        this.watches = new WatchStream(builder.bookmarkInterval);
        this.endpoints = new ResourceEndpoints(store, new ResourceReads(store), writes, watches);
        this.namespaces = builder.namespaces;
        this.journal = new RequestJournal(builder.clock);
        this.logs = new PodLogs(store);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the namespaces, binds a free loopback port and starts serving. Returns this, for chaining. A server
     * starts once; build another for a fresh one.
     */
    public TestApiServer start() {
        synchronized (lifecycle) {
            if (started) {
                throw new IllegalStateException("a TestApiServer starts only once");
            }
            started = true;
            for (String namespace : namespaces) {
                writes.create(ResourceRegistry.NAMESPACES, null, namespaceObject(namespace));
            }
            try {
                http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind the test API server", e);
            }
            AtomicInteger threads = new AtomicInteger();
            executor = Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "test-apiserver-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            String address = http.getAddress().getHostString() + ":" + http.getAddress().getPort();
            http.createContext("/", new ApiHandler(journal, new DiscoveryDocuments(registry, address), registry,
                    endpoints, logs));
            http.setExecutor(executor);
            http.start();
            return this;
        }
    }

    /** {@code http://127.0.0.1:<port>}, the base path for any Kubernetes client. */
    public String baseUrl() {
        synchronized (lifecycle) {
            if (http == null) {
                throw new IllegalStateException("the test API server is not started");
            }
            return "http://" + http.getAddress().getHostString() + ":" + http.getAddress().getPort();
        }
    }

    /**
     * A client-java client for this server, without authentication. Its read timeout is 0 because watches and
     * informers hold a response open for minutes; connect and write time out after a few seconds.
     */
    public ApiClient apiClient() {
        ApiClient client = new ClientBuilder().setBasePath(baseUrl()).setReadTimeout(Duration.ZERO).build();
        client.setHttpClient(client.getHttpClient().newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .writeTimeout(Duration.ofSeconds(10))
                .build());
        return client;
    }

    /** Arms a fault: the next {@link Fault#times()} matching requests get its answer instead of being served. */
    public void inject(Fault fault) {
        journal.arm(fault);
    }

    /** How many requests matched {@code method} (null for any) and {@code pathRegex} so far, faults included. */
    public int requestCount(String method, String pathRegex) {
        return journal.count(method, pathRegex);
    }

    /**
     * The requests that matched {@code method} (null for any) and {@code pathRegex} so far, in arrival order, with
     * the time and the bearer token each came with: which client did what, and when.
     */
    public List<RecordedRequest> requests(String method, String pathRegex) {
        return journal.matching(method, pathRegex);
    }

    /**
     * Forgets the change history, as an etcd compaction does: watches and continue tokens from any version before
     * now get 410 Expired, which makes informers relist.
     */
    public void compactHistory() {
        store.compact();
    }

    /**
     * Writes a line to a container's log, as the container runtime would at {@code time}: {@code pods/{name}/log}
     * serves it, and open follows of that container get it at once. The pod need not exist yet.
     */
    public void appendLog(String namespace, String pod, String container, Instant time, String line) {
        logs.append(namespace, pod, container, time, line);
    }

    /** Ends the open log follows of one container, as a dropped connection or a kubelet restart would. */
    public void endLogStreams(String namespace, String pod, String container) {
        logs.endStreams(namespace, pod, container);
    }

    /** Ends every open watch, as an API server restart or a dropped connection would. */
    public void closeWatches() {
        store.closeWatches();
    }

    /** Ends open watches, stops serving and releases the port. Safe to call twice. */
    public void stop() {
        synchronized (lifecycle) {
            if (http == null) {
                return;
            }
            store.closeWatches();
            try {
                logs.stop(STOP_TIMEOUT);
                watches.awaitAllEnded(STOP_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                http.stop(0);
                executor.shutdownNow();
                http = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static ObjectNode namespaceObject(String name) {
        ObjectNode namespace = Json.object();
        Json.metadata(namespace).put("name", name);
        return namespace;
    }

    /** Configures a server; every setting has a default, so {@code builder().build()} serves built-in types only. */
    public static final class Builder {

        public static final int DEFAULT_WATCH_HISTORY_SIZE = 10_000;
        public static final Duration DEFAULT_BOOKMARK_INTERVAL = Duration.ofSeconds(1);

        private final List<ResourceType> customTypes = new ArrayList<>();
        private final Set<String> namespaces = new LinkedHashSet<>(SYSTEM_NAMESPACES);
        private int watchHistorySize = DEFAULT_WATCH_HISTORY_SIZE;
        private Duration bookmarkInterval = DEFAULT_BOOKMARK_INTERVAL;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Serves the CRDs in every {@code *.yaml}/{@code *.yml} file of {@code directory}. */
        public Builder crdDirectory(Path directory) {
            customTypes.addAll(CrdLoader.fromDirectory(directory));
            return this;
        }

        public Builder crdFile(Path file) {
            customTypes.addAll(CrdLoader.fromFile(file));
            return this;
        }

        /** Serves the CRDs of a classpath resource, for CRD fixtures shipped in a test-jar. */
        public Builder crdResource(String resource) {
            customTypes.addAll(CrdLoader.fromClasspath(resource));
            return this;
        }

        /** Serves the project's own CRDs from {@code deploy/crds}; see {@link RepositoryCrds#directory()}. */
        public Builder repositoryCrds() {
            return crdDirectory(RepositoryCrds.directory());
        }

        /** Namespaces that exist from the start, besides default, kube-system, kube-public and kube-node-lease. */
        public Builder namespaces(String... names) {
            namespaces.addAll(List.of(names));
            return this;
        }

        /** How many changes watches and continue tokens can reach back over before getting 410 Expired. */
        public Builder watchHistorySize(int events) {
            watchHistorySize = events;
            return this;
        }

        /** How often a watch with {@code allowWatchBookmarks=true} gets a BOOKMARK while idle. */
        public Builder bookmarkInterval(Duration interval) {
            bookmarkInterval = interval;
            return this;
        }

        /** The clock for {@code creationTimestamp}s and the times of {@link TestApiServer#requests recorded requests}. */
        public Builder clock(Clock newClock) {
            clock = newClock;
            return this;
        }

        public TestApiServer build() {
            return new TestApiServer(this);
        }
    }
}
