package io.kubezen.watcher.controller.handover.redis;

import io.kubezen.watcher.controller.handover.HandoverStore;
import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisKeys;

import java.util.Map;
import java.util.Optional;

/**
 * One Redis hash per source and thing, readable with {@code redis-cli HGETALL}. Single-key commands only, so
 * Redis Cluster spreads the records over its shards. No expiry: a record goes when its thing goes.
 */
public abstract class RedisHashStore<K, V> implements HandoverStore<K, V> {

    private final RedisConnector connector;
    private final RedisKeys keys;
    private final String what;

    /** @param what names the record in errors, for example {@code "log position"} */
    protected RedisHashStore(RedisConnector connector, String what) {
        this.connector = connector;
        this.keys = connector.keys();
        this.what = what;
    }

    /** The hash's key for {@code key} of {@code source}. */
    protected abstract String hashKey(RedisKeys keys, String source, K key);

    protected abstract Map<String, String> encode(V value);

    /** Empty when the hash lacks a field the value needs, as a missing hash does. */
    protected abstract Optional<V> decode(Map<String, String> hash);

    @Override
    public Optional<V> get(String source, K key) {
        Map<String, String> hash = RedisCalls.await(connector.shared().async().hgetall(hashKey(keys, source, key)),
                what + " read");
        return hash == null ? Optional.empty() : decode(hash);
    }

    @Override
    public void put(String source, K key, V value) {
        RedisCalls.await(connector.shared().async().hset(hashKey(keys, source, key), encode(value)), what + " write");
    }

    @Override
    public void forget(String source, K key) {
        RedisCalls.await(connector.shared().async().del(hashKey(keys, source, key)), what + " delete");
    }
}
