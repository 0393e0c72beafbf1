package io.kubezen.watcher.bench.bare;

import io.micronaut.runtime.Micronaut;

/**
 * The HTTP ceiling: a Micronaut Netty server, configured like the ingester's, whose only route reads the body
 * and answers 202. What the full ingester reaches as a share of this is the cost of our own work per request.
 * Its own process and classpath, so none of the ingester's beans or filters run in it.
 */
public final class BareEndpoint {

    private BareEndpoint() {
    }

    public static void main(String[] args) {
        Micronaut.run(BareEndpoint.class, args);
    }
}
