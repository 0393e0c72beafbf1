package io.kubezen.watcher.testing.redis;

/** One way of running a redis-server; the handle drives it and waits for it to answer. */
interface RedisProcess {

    /** Starts the server, or does nothing when it runs; returns without waiting for it to accept connections. */
    void start();

    /** Stops it gracefully (SIGTERM), so an append-only file is flushed, and waits until it is gone. */
    void stop();

    /** Stops it abruptly (SIGKILL), as a crash would, and waits until it is gone. */
    void kill();

    boolean isRunning();

    /** The last lines the server printed, to explain a failed start. */
    String logTail();

    /** Stops it if needed and releases everything it holds. */
    void close();
}
