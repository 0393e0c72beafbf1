package io.kubezen.watcher.dedup.redis;

import io.kubezen.watcher.dedup.DedupRecord;
import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.redis.RedisScript;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The dedup rules in Lua ({@code record-function.lua} beside this class), as one function that both the dedup
 * store's own script and the admission script ({@link io.kubezen.watcher.admission.redis.RedisAdmissionStore})
 * define and call, so that recording an occurrence means the same thing in both. See {@code DESIGN.md} in the
 * {@code dedup} package.
 */
public final class DedupRecordLua {

    /** Defines the Lua function {@code record}, whose arguments and reply the methods here make and read. */
    private static final String FUNCTION = "record-function.lua";

    private DedupRecordLua() {
    }

    /**
     * The script in the resource {@code name} beside {@code owner}, which calls {@code record}: Redis scripts cannot
     * load one another, so the function's one source is put before each script that uses it.
     */
    public static RedisScript withRecord(Class<?> owner, String name) {
        return RedisScript.resource(owner, name, DedupRecordLua.class, FUNCTION);
    }

    /** The arguments of {@code record} after the key, for a request made at {@code nowMillis}. */
    public static List<String> arguments(DedupRequest request, long nowMillis, Duration statusInterval) {
        long window = request.window().toMillis();
        // Not Duration.multipliedBy: it multiplies as BigDecimal, and this runs once per admitted event.
        long retention = Math.multiplyExact(statusInterval.toMillis(), 2);
        return List.of(Long.toString(nowMillis), Long.toString(window), request.source(), request.fingerprint(),
                Long.toString(nowMillis + window), Long.toString(window + retention),
                Long.toString(nowMillis + statusInterval.toMillis()));
    }

    /** Reads the reply of {@code record}. */
    public static DedupResult result(DedupRequest request, List<?> reply) {
        long statusDue = Long.parseLong(String.valueOf(reply.get(5)));
        // PTTL answers -1 for a key without expiry (someone ran PERSIST); that leaves nothing to count down.
        Duration left = Duration.ofMillis(Math.max(0, (Long) reply.get(4)));
        return new DedupResult((Long) reply.get(0) == 1L, new DedupRecord(request.source(), request.fingerprint(),
                millis(reply.get(1)), millis(reply.get(2)), (Long) reply.get(3), left),
                statusDue == 0 ? null : Instant.ofEpochMilli(statusDue));
    }

    private static Instant millis(Object epochMillis) {
        return Instant.ofEpochMilli(Long.parseLong(String.valueOf(epochMillis)));
    }
}
