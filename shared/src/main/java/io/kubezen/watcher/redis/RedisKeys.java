package io.kubezen.watcher.redis;

import io.kubezen.watcher.store.SourceNames;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Every Redis key, stream and channel we use, in one place; {@code docs/redis.md} describes the same layout
 * for operators. The queue is split into shards, each under a hash tag of its own ({@code {s0}}, {@code {s1}},
 * …): an event's dedup record and the shard's streams share the tag, so one script can decide first or duplicate
 * and append to the stream in one atomic step, and Redis Cluster, which only lets a script touch keys of one
 * slot, spreads the shards over its masters. Every other key is plain, readable text without a hash tag.
 */
public final class RedisKeys {

    /** The prefix is part of SCAN patterns too, so it may not hold glob characters or braces either. */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._:-]*");

    private final String prefix;
    private final int shards;

    /** @param shards how many shards the queue and the dedup records are split into */
    public RedisKeys(String prefix, int shards) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("key prefix '" + prefix + "' may hold only letters, digits, '.', '_', ':' and '-'");
        }
        if (shards < 1) {
            throw new IllegalArgumentException("there is at least one queue shard, not " + shards);
        }
        this.prefix = prefix;
        this.shards = shards;
    }

    public int shards() {
        return shards;
    }

    /**
     * The shard of an event: a CRC-32 of source and fingerprint, so every process of an install, whatever its
     * version or JVM, puts the same event in the same shard, and a source's events spread over all of them.
     */
    public int shard(String source, String fingerprint) {
        CRC32 crc = new CRC32();
        crc.update((SourceNames.check(source) + ":" + fingerprint).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards);
    }

    /**
     * String (a hash before, see {@code DedupRecordLua}): the dedup record of one fingerprint, in its event's shard;
     * expires with the window.
     */
    public String dedupRecord(String source, String fingerprint) {
        return dedupRecord(shard(source, fingerprint), source, fingerprint);
    }

    /**
     * {@link #dedupRecord(String, String)} for a caller that has just computed the event's
     * {@link #shard(String, String)}, which it must pass: the admission path needs both for every event.
     */
    public String dedupRecord(int shard, String source, String fingerprint) {
        return shardPrefix(shard) + "dedup:" + source + ":" + fingerprint;
    }

    /** SCAN MATCH pattern for all dedup records of a source, in every shard. */
    public String dedupRecordPattern(String source) {
        return prefix + "{s*}:dedup:" + SourceNames.check(source) + ":*";
    }

    /**
     * The fingerprint in a key that {@link #dedupRecordPattern} matched for {@code source}: all after the source's
     * name, which holds no ':' (a prefix holds no '}', so the first one closes the shard's hash tag).
     */
    public String dedupRecordFingerprint(String key, String source) {
        return key.substring(key.indexOf('}') + ":dedup:".length() + source.length() + 2);
    }

    /** The source in the key of a dedup record: its name holds no ':' (see {@link #dedupRecordFingerprint}). */
    public String dedupRecordSource(String key) {
        int from = key.indexOf('}') + ":dedup:".length() + 1;
        return key.substring(from, key.indexOf(':', from));
    }

    /** String, whole seconds: the tuned dedup window of a source, written by the controller's tuner. */
    public String dedupWindow(String source) {
        return prefix + "window:" + SourceNames.check(source);
    }

    /** Pub/sub channel: a message (the source name) after a source's tuned window changed. */
    public String dedupWindowChannel() {
        return prefix + "window-changed";
    }

    /** String counter: events of a source in the bucket that starts at {@code bucketEpochSecond}. */
    public String traffic(String source, long bucketEpochSecond) {
        return prefix + "traffic:" + SourceNames.check(source) + ":" + bucketEpochSecond;
    }

    /** SCAN MATCH pattern for every traffic counter, whatever the source. */
    public String trafficPattern() {
        return prefix + "traffic:*";
    }

    /** The source a key matched by {@link #trafficPattern()} counts for. */
    public String sourceOfTraffic(String trafficKey) {
        String head = prefix + "traffic:";
        int bucket = trafficKey.lastIndexOf(':');
        if (!trafficKey.startsWith(head) || bucket <= head.length()) {
            throw new IllegalArgumentException("'" + trafficKey + "' is not a traffic key");
        }
        return trafficKey.substring(head.length(), bucket);
    }

    /** Hash {tokens, ts}: the shared token bucket of a source's rate limit; expires once it would be full. */
    public String rateLimit(String source) {
        return prefix + "ratelimit:" + SourceNames.check(source);
    }

    /**
     * Hash {digest, fingerprints}: the findings the controller last emitted for one object of an informer source,
     * so a resync, restart or leader takeover emits only what is new. {@code object} is {@code namespace/name},
     * or {@code name} for a cluster-scoped object.
     */
    public String informerFindings(String source, String object) {
        return prefix + "informer:" + SourceNames.check(source) + ":" + object;
    }

    /**
     * Hash {time, lines}: the timestamp of the last log line a logs source handled from one container
     * ({@code <namespace>/<pod>/<container>}) and how many lines of that timestamp it handled, so that the next
     * stream, in this leader or the next, resumes right after it.
     */
    public String logPosition(String source, String container) {
        return prefix + "logs:" + SourceNames.check(source) + ":" + container;
    }

    /**
     * Hash {version, sources}: the controller's projection of every valid Ingester, one JSON document in
     * {@code sources} and its counter in {@code version}, written together by one script.
     */
    public String configSources() {
        return prefix + "config:sources";
    }

    /** Pub/sub channel: a message (the new version) after the projected configuration changed. */
    public String configChannel() {
        return prefix + "config-changed";
    }

    /**
     * Shard channel (Redis 7 sharded pub/sub), on Cluster only: the same message as {@link #configChannel()}. It is
     * named like {@link #configSources()}, so it hashes to that key's slot: the master that writes the hash
     * publishes the notice to its own subscribers, without the cluster bus.
     */
    public String configShardChannel() {
        return configSources();
    }

    /** Stream: accepted events of one shard waiting for a writer. Same slot as the shard's dead letters and records. */
    public String observationStream(int shard) {
        return shardPrefix(shard) + "observations";
    }

    /**
     * Stream: the status updates of one shard that the admission script scheduled, several to an entry (the updates of
     * one script call). Same slot as the shard's stream, so one script call appends to both.
     */
    public String statusStream(int shard) {
        return shardPrefix(shard) + "statuses";
    }

    /** Stream: entries of one shard the writers gave up on, with the reason, until replayed or deleted. */
    public String deadLetterStream(int shard) {
        return shardPrefix(shard) + "dead-letters";
    }

    /**
     * Stream: the single queue of versions before the queue had shards. Writers still drain it, so that entries
     * queued there before an upgrade are written. Same slot as {@link #legacyDeadLetterStream()}.
     */
    public String legacyObservationStream() {
        return prefix + "{stream}:observations";
    }

    /** Stream: the dead letters of {@link #legacyObservationStream()}. */
    public String legacyDeadLetterStream() {
        return prefix + "{stream}:dead-letters";
    }

    private String shardPrefix(int shard) {
        if (shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("shard " + shard + " is not among the " + shards + " queue shards");
        }
        return prefix + "{s" + shard + "}:";
    }
}
