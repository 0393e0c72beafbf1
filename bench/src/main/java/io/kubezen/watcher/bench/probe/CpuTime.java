package io.kubezen.watcher.bench.probe;

/**
 * CPU time spent during one run, in seconds: by the ingester process and by Redis.
 *
 * @param ingesterSeconds from {@code /proc/<pid>/stat} ({@link ProcessCpu})
 * @param redisSeconds    from {@code INFO cpu} ({@link RedisCpu})
 */
public record CpuTime(double ingesterSeconds, double redisSeconds) {

    public CpuTime minus(CpuTime earlier) {
        return new CpuTime(ingesterSeconds - earlier.ingesterSeconds, redisSeconds - earlier.redisSeconds);
    }
}
