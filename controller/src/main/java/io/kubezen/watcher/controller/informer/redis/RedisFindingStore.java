package io.kubezen.watcher.controller.informer.redis;

import io.kubezen.watcher.controller.informer.FindingStore;
import io.kubezen.watcher.controller.informer.ObjectFindings;
import io.kubezen.watcher.controller.informer.ObjectKey;
import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisKeys;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One hash per object, {@code zw:informer:<source>:<namespace>/<name>} with fields {@code digest} and
 * {@code fingerprints} (space-separated), readable with {@code redis-cli HGETALL}. Single-key commands only, so
 * Redis Cluster spreads the objects over its shards. No expiry: an unchanged object is never rewritten, and an
 * expired record would make the next resync emit its findings again.
 */
public final class RedisFindingStore implements FindingStore {

    private static final String DIGEST = "digest";
    private static final String FINGERPRINTS = "fingerprints";

    private final RedisConnector connector;
    private final RedisKeys keys;

    public RedisFindingStore(RedisConnector connector) {
        this.connector = connector;
        this.keys = connector.keys();
    }

    @Override
    public Optional<ObjectFindings> get(String source, ObjectKey object) {
        Map<String, String> hash = RedisCalls.await(connector.shared().async()
                .hgetall(keys.informerFindings(source, object.toString())), "informer findings read");
        if (hash == null || !hash.containsKey(DIGEST)) {
            return Optional.empty();
        }
        String joined = hash.getOrDefault(FINGERPRINTS, "");
        return Optional.of(new ObjectFindings(hash.get(DIGEST),
                new TreeSet<>(joined.isEmpty() ? List.of() : Arrays.asList(joined.split(" ")))));
    }

    @Override
    public void put(String source, ObjectKey object, ObjectFindings findings) {
        RedisCalls.await(connector.shared().async().hset(keys.informerFindings(source, object.toString()),
                Map.of(DIGEST, findings.digest(), FINGERPRINTS, String.join(" ", findings.fingerprints()))),
                "informer findings write");
    }

    @Override
    public void forget(String source, ObjectKey object) {
        RedisCalls.await(connector.shared().async().del(keys.informerFindings(source, object.toString())),
                "informer findings delete");
    }
}
