package io.kubezen.watcher.dedup.redis;

import io.kubezen.watcher.dedup.TrafficBuckets;
import io.kubezen.watcher.dedup.TrafficCounter;
import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisKeys;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.async.RedisAsyncCommands;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Traffic counts as one string counter per source and bucket ({@link RedisKeys#traffic}), each expiring
 * {@code retention} after its last increment, so nobody has to clean up. Buckets are read one key per GET,
 * pipelined, rather than with MGET, because they may live on different Redis Cluster shards.
 */
public final class RedisTrafficCounter implements TrafficCounter {

    /** Keys SCAN looks at per call; SCAN MATCH walks the dedup records too, so large steps keep round trips few. */
    private static final int SCAN_COUNT = 1000;

    private final RedisConnector connector;
    private final RedisKeys keys;
    private final Clock clock;
    private final Duration retention;

    public RedisTrafficCounter(RedisConnector connector, Clock clock, Duration retention) {
        this.connector = connector;
        this.keys = connector.keys();
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public void add(String source, long events) {
        String key = keys.traffic(source, TrafficBuckets.bucketOf(clock.instant()));
        RedisAsyncCommands<String, String> redis = connector.shared().async();
        CompletionStage<Long> increment = redis.incrby(key, events);
        CompletionStage<Boolean> expire = redis.expire(key, retention);
        RedisCalls.await(increment, "traffic count");
        RedisCalls.await(expire, "traffic count");
    }

    @Override
    public long sum(String source, Duration period) {
        return read(source, TrafficBuckets.covering(clock.instant(), period, retention), "traffic sum").stream()
                .mapToLong(count -> count == null ? 0 : Long.parseLong(count))
                .sum();
    }

    @Override
    public Optional<Instant> lastCounted(String source, Duration period) {
        long[] buckets = TrafficBuckets.covering(clock.instant(), period, retention);
        List<String> counts = read(source, buckets, "traffic last counted");
        for (int i = buckets.length - 1; i >= 0; i--) {
            if (counts.get(i) != null && Long.parseLong(counts.get(i)) > 0) {
                return Optional.of(Instant.ofEpochSecond(buckets[i]));
            }
        }
        return Optional.empty();
    }

    /** The count of each bucket, null where it has none, pipelined one GET per bucket. */
    private List<String> read(String source, long[] buckets, String what) {
        RedisAsyncCommands<String, String> redis = connector.shared().async();
        List<CompletionStage<String>> reads = new ArrayList<>();
        for (long bucket : buckets) {
            reads.add(redis.get(keys.traffic(source, bucket)));
        }
        return RedisCalls.awaitAll(reads, what);
    }

    /** One full SCAN over the traffic pattern; a bucket that expires meanwhile may or may not be seen. */
    @Override
    public Set<String> sources() {
        RedisAsyncCommands<String, String> redis = connector.shared().async();
        ScanArgs match = ScanArgs.Builder.matches(keys.trafficPattern()).limit(SCAN_COUNT);
        Set<String> sources = new HashSet<>();
        ScanCursor position = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> scanned = RedisCalls.await(redis.scan(position, match), "traffic sources");
            scanned.getKeys().forEach(key -> sources.add(keys.sourceOfTraffic(key)));
            position = scanned;
        } while (!position.isFinished());
        return sources;
    }
}
