package io.kubezen.watcher.redis;

import io.kubezen.watcher.store.SourceNames;

import java.util.regex.Pattern;

/**
 * Every Redis key, stream and channel we use, in one place; {@code docs/redis.md} describes the same layout
 * for operators. Keys are plain, readable text without hash tags ({@code {...}}): each hot-path operation
 * touches a single key, so Redis Cluster can spread a source's dedup records over all shards instead of
 * pinning them to one slot. The two streams are the exception: they share the tag {@code {stream}}, because
 * dead-lettering and replay move an entry between them in one script, and on Cluster a script may only
 * touch keys of one slot.
 */
public final class RedisKeys {

    /** The prefix is part of SCAN patterns too, so it may not hold glob characters or braces either. */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._:-]*");

    private final String prefix;

    public RedisKeys(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("key prefix '" + prefix + "' may hold only letters, digits, '.', '_', ':' and '-'");
        }
        this.prefix = prefix;
    }

    /** Hash: the dedup record of one fingerprint; expires with the window. */
    public String dedupRecord(String source, String fingerprint) {
        return prefix + "dedup:" + SourceNames.check(source) + ":" + fingerprint;
    }

    /** SCAN MATCH pattern for all dedup records of a source. */
    public String dedupRecordPattern(String source) {
        return prefix + "dedup:" + SourceNames.check(source) + ":*";
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

    /** Stream: accepted events waiting for a writer. Same slot as {@link #deadLetterStream()}. */
    public String observationStream() {
        return prefix + "{stream}:observations";
    }

    /** Stream: entries the writers gave up on, with the reason, until replayed or deleted. */
    public String deadLetterStream() {
        return prefix + "{stream}:dead-letters";
    }
}
