package io.kubezen.watcher.dedup.redis;

import io.kubezen.watcher.dedup.TrafficBuckets;
import io.kubezen.watcher.dedup.TrafficCounter;
import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisKeys;
import io.lettuce.core.api.async.RedisAsyncCommands;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Traffic counts as one string counter per source and bucket ({@link RedisKeys#traffic}), each expiring
 * {@code retention} after its last increment, so nobody has to clean up. Buckets are read one key per GET,
 * pipelined, rather than with MGET, because they may live on different Redis Cluster shards.
 */
public final class RedisTrafficCounter implements TrafficCounter {

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
        RedisAsyncCommands<String, String> redis = connector.shared().async();
        List<CompletionStage<String>> reads = new ArrayList<>();
        for (long bucket : TrafficBuckets.covering(clock.instant(), period, retention)) {
            reads.add(redis.get(keys.traffic(source, bucket)));
        }
        return RedisCalls.awaitAll(reads, "traffic sum").stream()
                .mapToLong(count -> count == null ? 0 : Long.parseLong(count))
                .sum();
    }
}
