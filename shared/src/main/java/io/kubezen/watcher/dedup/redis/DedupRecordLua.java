package io.kubezen.watcher.dedup.redis;

import io.kubezen.watcher.dedup.DedupRecord;
import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.dedup.DedupResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The dedup rules in Lua, as one function that both the dedup store's own script and the admission script
 * ({@link io.kubezen.watcher.admission.redis.RedisAdmissionStore}) define and call, so that recording an occurrence
 * means the same thing in both. See {@code DESIGN.md} in the {@code dedup} package.
 */
public final class DedupRecordLua {

    /**
     * {@code record(key, now, window, source, fingerprint, ends, lifetime, statusDue)}: key is the record's hash;
     * now the time in epoch ms, window its length in ms, ends now plus window, lifetime how long the key lives (the
     * window plus two status intervals), statusDue now plus one status interval. Returns {outcome, firstSeen ms,
     * lastSeen ms, count, ms left in the window, status due ms or '0'}; outcome 1 when this call created the
     * record, 0 for a duplicate. A record whose window has ended is moved into the {@code previous*} fields of its
     * successor, where the writer's last status update of it still finds its final count. Times travel as the
     * caller's strings, never as Lua numbers, which would lose digits when turned back into text. The window runs
     * from the first occurrence, so an event that keeps repeating is re-emitted once per window. A repeat schedules
     * a status update when none is due yet: at most one per record per interval. Records of earlier versions have
     * no {@code expiresAt} and end with their key.
     */
    public static final String FUNCTION = """
            local function record(key, now, window, source, fingerprint, ends, lifetime, statusDue)
              local at = tonumber(now)
              local expires = redis.call('HGET', key, 'expiresAt')
              if expires and at >= tonumber(expires) then
                local old = redis.call('HMGET', key, 'firstSeen', 'lastSeen', 'count')
                redis.call('DEL', key)
                redis.call('HSET', key, 'previousFirstSeen', old[1], 'previousLastSeen', old[2], 'previousCount', old[3])
              end
              if redis.call('HSETNX', key, 'firstSeen', now) == 1 then
                redis.call('HSET', key, 'lastSeen', now, 'count', 1, 'source', source, 'fingerprint', fingerprint,
                  'expiresAt', ends)
                redis.call('PEXPIRE', key, lifetime)
                return {1, now, now, 1, tonumber(window), '0'}
              end
              local count = redis.call('HINCRBY', key, 'count', 1)
              local last = redis.call('HGET', key, 'lastSeen')
              if at > tonumber(last) then
                redis.call('HSET', key, 'lastSeen', now)
                last = now
              end
              local due = redis.call('HGET', key, 'statusDue')
              local scheduled = '0'
              if not due or at >= tonumber(due) then
                redis.call('HSET', key, 'statusDue', statusDue)
                scheduled = statusDue
              end
              local left
              expires = redis.call('HGET', key, 'expiresAt')
              if expires then
                left = tonumber(expires) - at
              else
                left = redis.call('PTTL', key)
              end
              return {0, redis.call('HGET', key, 'firstSeen'), last, count, left, scheduled}
            end
            """;

    private DedupRecordLua() {
    }

    /** The arguments of {@code record} after the key, for a request made at {@code nowMillis}. */
    public static List<String> arguments(DedupRequest request, long nowMillis, Duration statusInterval) {
        long window = request.window().toMillis();
        long retention = statusInterval.multipliedBy(2).toMillis();
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
