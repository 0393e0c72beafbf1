package io.kubezen.watcher.redis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Redis; the apps bind it from {@code zen-watcher.redis.*} and pass it on unchanged, so both read
 * the same keys and fail at start-up with the same messages. Secrets come from files, not from the URI, so that a
 * mounted Secret can hold them and a rotated password is read again on the next connect.
 *
 * @param uri               a Lettuce URI: {@code redis://redis:6379/0}, {@code rediss://…} for TLS,
 *                          {@code redis-sentinel://s1:26379,s2:26379#mymaster} for Sentinel; with
 *                          {@link RedisMode#CLUSTER} a comma-separated list of seed nodes,
 *                          {@code redis://n1:6379,n2:6379}
 * @param mode              standalone (also for Sentinel) or cluster
 * @param commandTimeout    how long a command may take before the caller gets a
 *                          {@link io.kubezen.watcher.store.StoreUnavailableException}; also the connect timeout.
 *                          Short, because a webhook sender waiting on us should get a fast 503 and retry.
 * @param keyPrefix         put in front of every key and channel, so several installs can share one Redis
 * @param maxReconnectDelay the longest pause between reconnect attempts after Redis went away; it bounds
 *                          how long we keep answering 503 after Redis is back
 * @param username          the ACL user; absent: {@code default}, or the URI's own
 * @param passwordFile      a file holding the password (trailing newline ignored); absent: the URI's own, if any
 * @param tls               CA and client certificate for {@code rediss://}
 * @param queueShards       how many shards the queue and the dedup records are split into, each under a hash tag of
 *                          its own, so that Redis Cluster spreads them over its masters; every ingester, writer and
 *                          controller of an install must use the same number
 */
public record RedisConnectionOptions(String uri, RedisMode mode, Duration commandTimeout, String keyPrefix,
                                     Duration maxReconnectDelay, String username, Path passwordFile,
                                     RedisTlsFiles tls, int queueShards) {

    /** The configuration prefix both apps bind these options from; start-up errors name keys under it. */
    public static final String PREFIX = "zen-watcher.redis";
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
    public static final String DEFAULT_KEY_PREFIX = "zw:";
    public static final Duration DEFAULT_MAX_RECONNECT_DELAY = Duration.ofSeconds(2);
    public static final int DEFAULT_QUEUE_SHARDS = 8;
    /** Each shard is a stream the writers read and KEDA watches; more than this buys nothing but overhead. */
    public static final int MAX_QUEUE_SHARDS = 256;

    public RedisConnectionOptions {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        mode = mode == null ? RedisMode.STANDALONE : mode;
        tls = tls == null ? RedisTlsFiles.NONE : tls;
        requirePositive(commandTimeout, "command-timeout");
        requirePositive(maxReconnectDelay, "max-reconnect-delay");
        requireReadable(passwordFile, "password-file");
        requireReadable(tls.caFile(), "tls.ca-file");
        requireReadable(tls.certFile(), "tls.cert-file");
        requireReadable(tls.keyFile(), "tls.key-file");
        if (queueShards < 1 || queueShards > MAX_QUEUE_SHARDS) {
            throw new IllegalArgumentException(PREFIX + ".queue-shards must be between 1 and " + MAX_QUEUE_SHARDS
                    + ", was " + queueShards);
        }
        if (mode == RedisMode.CLUSTER && uri.startsWith("redis-sentinel")) {
            throw new IllegalArgumentException(PREFIX + ".mode is cluster but " + PREFIX
                    + ".uri is a Sentinel URI; Sentinel needs mode standalone");
        }
    }

    /** The defaults for everything but the URI. */
    public static RedisConnectionOptions of(String uri) {
        return new RedisConnectionOptions(uri, RedisMode.STANDALONE, DEFAULT_COMMAND_TIMEOUT, DEFAULT_KEY_PREFIX,
                DEFAULT_MAX_RECONNECT_DELAY, null, null, RedisTlsFiles.NONE,
                DEFAULT_QUEUE_SHARDS);
    }

    public RedisConnectionOptions withMode(RedisMode newMode) {
        return new RedisConnectionOptions(uri, newMode, commandTimeout, keyPrefix, maxReconnectDelay, username,
                passwordFile, tls, queueShards);
    }

    public RedisConnectionOptions withCommandTimeout(Duration timeout) {
        return new RedisConnectionOptions(uri, mode, timeout, keyPrefix, maxReconnectDelay, username, passwordFile,
                tls, queueShards);
    }

    public RedisConnectionOptions withKeyPrefix(String prefix) {
        return new RedisConnectionOptions(uri, mode, commandTimeout, prefix, maxReconnectDelay, username,
                passwordFile, tls, queueShards);
    }

    public RedisConnectionOptions withCredentials(String user, Path password) {
        return new RedisConnectionOptions(uri, mode, commandTimeout, keyPrefix, maxReconnectDelay, user, password,
                tls, queueShards);
    }

    public RedisConnectionOptions withTls(RedisTlsFiles files) {
        return new RedisConnectionOptions(uri, mode, commandTimeout, keyPrefix, maxReconnectDelay, username,
                passwordFile, files, queueShards);
    }

    public RedisConnectionOptions withQueueShards(int shards) {
        return new RedisConnectionOptions(uri, mode, commandTimeout, keyPrefix, maxReconnectDelay, username,
                passwordFile, tls, shards);
    }

    private static void requirePositive(Duration value, String key) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(PREFIX + "." + key + " must be a positive duration, was " + value);
        }
    }

    private static void requireReadable(Path file, String key) {
        if (file != null && !(Files.isRegularFile(file) && Files.isReadable(file))) {
            throw new IllegalArgumentException(PREFIX + "." + key + " names " + file
                    + ", which is not a readable file; mount it or unset the key");
        }
    }
}
