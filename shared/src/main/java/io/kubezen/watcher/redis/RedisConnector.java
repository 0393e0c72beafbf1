package io.kubezen.watcher.redis;

import io.kubezen.watcher.store.StoreUnavailableException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.event.ClusterTopologyChangedEvent;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import reactor.core.Disposable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Lettuce client of one process, configured to fail fast: commands sent while Redis is away are
 * rejected at once and every command times out after {@link RedisConnectionOptions#commandTimeout()}, so
 * callers get a {@link StoreUnavailableException} instead of a hanging webhook. Connections reconnect by
 * themselves; nothing needs rebuilding after an outage. Connecting is lazy, so a process can start while
 * Redis is down and begins working once it is up.
 * <p>
 * In {@link RedisMode#CLUSTER} it is a cluster client that sends each command to its slot's master, refreshes
 * the topology when a node answers MOVED or ASK or a connection drops (a failover), and also every
 * {@value #TOPOLOGY_REFRESH_SECONDS} seconds. Everything else sees the same {@link RedisConnection} in every mode.
 */
public final class RedisConnector implements AutoCloseable {

    private static final Duration MIN_RECONNECT_DELAY = Duration.ofMillis(50);
    private static final long TOPOLOGY_REFRESH_SECONDS = 30;
    private static final Duration ADAPTIVE_REFRESH_SPACING = Duration.ofSeconds(2);

    private final RedisConnectionOptions options;
    private final RedisKeys keys;
    private final ClientResources resources;
    private final AbstractRedisClient client;
    private final String address;
    private final Object lock = new Object();
    private volatile RedisConnection shared;

    private RedisConnector(RedisConnectionOptions options, ClientResources resources, AbstractRedisClient client,
                           String address) {
        this.options = options;
        this.keys = new RedisKeys(options.keyPrefix(), options.queueShards());
        this.resources = resources;
        this.client = client;
        this.address = address;
    }

    public static RedisConnector create(RedisConnectionOptions options) {
        List<RedisURI> uris = uris(options);
        ClientResources resources = clientResources(options);
        String address = uris.stream().map(RedisConnector::describe).collect(Collectors.joining(","));
        if (options.mode() == RedisMode.CLUSTER) {
            RedisClusterClient cluster = LazySyncClients.cluster(resources, uris);
            cluster.setOptions(ClusterClientOptions.builder(clientOptions(options))
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enablePeriodicRefresh(Duration.ofSeconds(TOPOLOGY_REFRESH_SECONDS))
                            .enableAllAdaptiveRefreshTriggers()
                            // Lettuce's default of 30 s between triggered refreshes would let the refresh that
                            // a dead master's reconnects trigger, before its replica took over, hold off the next.
                            .adaptiveRefreshTriggersTimeout(ADAPTIVE_REFRESH_SPACING)
                            .build())
                    .build());
            return new RedisConnector(options, resources, cluster, address);
        }
        RedisClient standalone = LazySyncClients.standalone(resources, uris.get(0));
        standalone.setOptions(clientOptions(options));
        return new RedisConnector(options, resources, standalone, address);
    }

    /**
     * Without Lettuce's command latency recorder. Lettuce switches it on by itself when LatencyUtils and HdrHistogram
     * are on the class path, as Micrometer puts them: then every command is timed into a histogram per command type
     * and connection, and a start loads both libraries before its first command, for figures that nothing here
     * reads (the process's own timers are its metrics).
     */
    static ClientResources clientResources(RedisConnectionOptions options) {
        return DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(MIN_RECONNECT_DELAY, options.maxReconnectDelay(), 2, TimeUnit.MILLISECONDS))
                .commandLatencyRecorder(CommandLatencyRecorder.disabled())
                .build();
    }

    public RedisConnectionOptions options() {
        return options;
    }

    public RedisKeys keys() {
        return keys;
    }

    /**
     * The connection all non-blocking commands of this process share; Lettuce multiplexes it safely across
     * threads, and commands sent without waiting in between are pipelined. Opened on first use.
     */
    public RedisConnection shared() {
        RedisConnection connection = shared;
        if (connection == null) {
            synchronized (lock) {
                if (shared == null) {
                    shared = connect();
                }
                connection = shared;
            }
        }
        return connection;
    }

    /** A connection of the caller's own, for blocking commands that would stall the shared one; the caller closes it. */
    public RedisConnection connect() {
        if (client instanceof RedisClusterClient cluster) {
            return open(() -> RedisConnection.of(cluster.connect()));
        }
        return open(() -> RedisConnection.of(((RedisClient) client).connect()));
    }

    /**
     * A pub/sub connection of the caller's own; Lettuce subscribes it again after a reconnect. On Cluster a SUBSCRIBE
     * goes to one node, which hears every PUBLISH only as far as the cluster bus delivers it (best effort: a bus link
     * that is being re-established drops it); an SSUBSCRIBE goes to its shard channel's master.
     */
    public StatefulRedisPubSubConnection<String, String> connectPubSub() {
        if (client instanceof RedisClusterClient cluster) {
            return open(cluster::connectPubSub);
        }
        return open(((RedisClient) client)::connectPubSub);
    }

    /**
     * Calls {@code onChange} with the new nodes each time the Cluster client learns a changed topology (a failover, a
     * slot moved), on a Lettuce thread, until the returned handle is closed. Never called outside {@link RedisMode#CLUSTER}.
     */
    public AutoCloseable onTopologyChange(Consumer<List<RedisClusterNode>> onChange) {
        Disposable subscription = resources.eventBus().get()
                .filter(ClusterTopologyChangedEvent.class::isInstance)
                .subscribe(event -> onChange.accept(((ClusterTopologyChangedEvent) event).after()));
        return subscription::dispose;
    }

    /**
     * Sends {@code WAIT replicas timeout} to the master of each of {@code keys} and answers the fewest replicas any of
     * them reached. WAIT counts the writes of the connection it is sent on, so it goes through the shared connection:
     * on Cluster through the very connection to the key's master that the shared connection routed the writes over.
     */
    public CompletionStage<Long> waitForReplicas(Collection<String> keys, int replicas, Duration timeout) {
        RedisConnection connection = shared();
        long millis = timeout.toMillis();
        if (!(connection.stateful() instanceof StatefulRedisClusterConnection<String, String> cluster)) {
            return RedisCalls.translated(connection.async().waitForReplication(replicas, millis), "wait for replicas");
        }
        Set<RedisURI> masters = new LinkedHashSet<>();
        for (String key : keys) {
            RedisClusterNode master = cluster.getPartitions().getMasterBySlot(SlotHash.getSlot(key));
            if (master == null) {
                return CompletableFuture.failedFuture(new StoreUnavailableException("No Redis Cluster master serves "
                        + "the slot of " + key + " right now"));
            }
            masters.add(master.getUri());
        }
        List<CompletableFuture<Long>> waits = masters.stream().map(uri -> cluster.getConnectionAsync(uri.getHost(),
                uri.getPort()).thenCompose(node -> node.async().waitForReplication(replicas, millis))).toList();
        CompletionStage<Long> fewest = CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new))
                .thenApply(done -> waits.stream().mapToLong(CompletableFuture::join).min().orElse(replicas));
        return RedisCalls.translated(fewest, "wait for replicas");
    }

    /**
     * One SCAN step over the whole keyspace: on Cluster over every master in turn (see {@link ClusterScan}).
     * {@code cursor} is {@code null} to start, then the previous page's cursor.
     */
    public ScanPage scan(String cursor, ScanArgs args) {
        RedisConnection connection = shared();
        if (connection.stateful() instanceof StatefulRedisClusterConnection<String, String> cluster) {
            return ClusterScan.page(cluster, cursor, args);
        }
        KeyScanCursor<String> step = RedisCalls.await(connection.async()
                .scan(cursor == null ? ScanCursor.INITIAL : ScanCursor.of(cursor), args), "scan");
        return new ScanPage(step.getKeys(), step.isFinished() ? null : step.getCursor());
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (shared != null) {
                shared.close();
            }
        }
        client.shutdown();
        resources.shutdown();
    }

    /** One URI, or in cluster mode one per seed node listed between scheme and path. */
    static List<RedisURI> uris(RedisConnectionOptions options) {
        List<String> texts = options.mode() == RedisMode.CLUSTER ? seeds(options.uri()) : List.of(options.uri());
        return texts.stream().map(text -> {
            RedisURI uri = RedisURI.create(text);
            uri.setTimeout(options.commandTimeout());
            if (options.passwordFile() != null) {
                Path file = options.passwordFile();
                String username = options.username();
                // Read on every connect, so a rotated Secret is picked up without a restart.
                uri.setCredentialsProvider(RedisCredentialsProvider.from(() -> RedisCredentials.just(username, read(file))));
            } else if (options.username() != null) {
                uri.setUsername(options.username());
            }
            return uri;
        }).toList();
    }

    /** {@code redis://user@a:1,b:2/0} → {@code redis://user@a:1/0}, {@code redis://user@b:2/0}. */
    static List<String> seeds(String uri) {
        int schemeEnd = uri.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException(RedisConnectionOptions.PREFIX + ".uri '" + uri + "' has no scheme");
        }
        String scheme = uri.substring(0, schemeEnd + 3);
        String rest = uri.substring(schemeEnd + 3);
        int at = rest.lastIndexOf('@');
        String userInfo = rest.substring(0, at + 1);
        String hostsAndTail = rest.substring(at + 1);
        int tail = hostsAndTail.length();
        for (char end : new char[] {'/', '?', '#'}) {
            int index = hostsAndTail.indexOf(end);
            if (index >= 0 && index < tail) {
                tail = index;
            }
        }
        String suffix = hostsAndTail.substring(tail);
        return Arrays.stream(hostsAndTail.substring(0, tail).split(","))
                .map(String::trim)
                .filter(host -> !host.isEmpty())
                .map(host -> scheme + userInfo + host + suffix)
                .toList();
    }

    private static ClientOptions clientOptions(RedisConnectionOptions options) {
        ClientOptions.Builder builder = ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(options.commandTimeout()).build())
                .timeoutOptions(TimeoutOptions.builder().timeoutCommands(true)
                        .timeoutSource(new CommandTimeouts(options.commandTimeout())).build());
        RedisTlsFiles tls = options.tls();
        if (!tls.isEmpty()) {
            SslOptions.Builder ssl = SslOptions.builder();
            if (tls.caFile() != null) {
                ssl.trustManager(tls.caFile().toFile());
            }
            if (tls.certFile() != null) {
                ssl.keyManager(tls.certFile().toFile(), tls.keyFile().toFile(), null);
            }
            builder.sslOptions(ssl.build());
        }
        return builder.build();
    }

    private static String read(Path passwordFile) {
        try {
            return Files.readString(passwordFile).replaceFirst("\\r?\\n$", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RedisConnectionOptions.PREFIX + ".password-file "
                    + passwordFile, e);
        }
    }

    private static String describe(RedisURI uri) {
        return uri.getSentinels().isEmpty() ? uri.getHost() + ":" + uri.getPort()
                : "sentinel master " + uri.getSentinelMasterId();
    }

    private <C> C open(Supplier<C> connect) {
        try {
            return connect.get();
        } catch (RedisException e) {
            throw new StoreUnavailableException("Cannot connect to Redis at " + address + ": " + e.getMessage(), e);
        }
    }
}
