package io.kubezen.watcher.controller.informer.redis;

import io.kubezen.watcher.controller.handover.redis.RedisHashStore;
import io.kubezen.watcher.controller.informer.FindingStore;
import io.kubezen.watcher.controller.informer.ObjectFindings;
import io.kubezen.watcher.controller.informer.ObjectKey;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisKeys;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One hash per object, {@code zw:informer:<source>:<namespace>/<name>} with fields {@code digest} and
 * {@code fingerprints} (space-separated). No expiry: an unchanged object is never rewritten, and an expired record
 * would make the next resync emit its findings again.
 */
public final class RedisFindingStore extends RedisHashStore<ObjectKey, ObjectFindings> implements FindingStore {

    private static final String DIGEST = "digest";
    private static final String FINGERPRINTS = "fingerprints";

    public RedisFindingStore(RedisConnector connector) {
        super(connector, "informer findings");
    }

    @Override
    protected String hashKey(RedisKeys keys, String source, ObjectKey object) {
        return keys.informerFindings(source, object.toString());
    }

    @Override
    protected Map<String, String> encode(ObjectFindings findings) {
        return Map.of(DIGEST, findings.digest(), FINGERPRINTS, String.join(" ", findings.fingerprints()));
    }

    @Override
    protected Optional<ObjectFindings> decode(Map<String, String> hash) {
        if (!hash.containsKey(DIGEST)) {
            return Optional.empty();
        }
        String joined = hash.getOrDefault(FINGERPRINTS, "");
        return Optional.of(new ObjectFindings(hash.get(DIGEST),
                new TreeSet<>(joined.isEmpty() ? List.of() : Arrays.asList(joined.split(" ")))));
    }
}
