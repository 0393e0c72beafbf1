package io.kubezen.watcher.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A closed-loop load for wrk: {@code connections} keep-alive connections each send the next request as soon as
 * the last was answered, so the rate found is the most the server answers at that concurrency.
 *
 * @param distinctEvents the working set that repeats are drawn from, over all threads
 */
public record WrkLoad(URI target, Path eventTemplate, Optional<Path> envelope, int eventsPerRequest,
                      int distinctEvents, int threads, int connections) {

    public WrkLoad {
        if (threads < 1 || connections < threads) {
            throw new IllegalArgumentException("need at least one thread and a connection per thread, got "
                    + threads + " threads and " + connections + " connections");
        }
        if (eventsPerRequest < 1 || distinctEvents < threads) {
            throw new IllegalArgumentException("need at least one event per request and per thread");
        }
    }

    public WrkLoad withTarget(URI other) {
        return new WrkLoad(other, eventTemplate, envelope, eventsPerRequest, distinctEvents, threads, connections);
    }
}
