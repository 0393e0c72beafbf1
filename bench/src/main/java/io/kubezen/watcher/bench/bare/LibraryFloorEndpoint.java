package io.kubezen.watcher.bench.bare;

import io.micronaut.runtime.Micronaut;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bare endpoint with the libraries a receiver needs for its first answer ({@link LibraryFloor}), for the cold
 * start benchmark: the receiver's start against this one is what its own code costs, this one against the bare
 * endpoint what the libraries cost. The parts come from {@code -Dbench.floor.parts=redis,json,metrics} (default:
 * all), the Redis URI from {@code ZEN_WATCHER_REDIS_URI}, as the receiver takes it.
 */
public final class LibraryFloorEndpoint {

    static final String PARTS_PROPERTY = "bench.floor.parts";

    private LibraryFloorEndpoint() {
    }

    public static void main(String[] args) {
        String named = System.getProperty(PARTS_PROPERTY, String.join(",", LibraryFloor.PARTS));
        Set<String> parts = Arrays.stream(named.split(",")).map(String::trim).filter(part -> !part.isEmpty())
                .collect(Collectors.toSet());
        LibraryFloor floor = LibraryFloor.start(parts, System.getenv("ZEN_WATCHER_REDIS_URI"));
        Micronaut.build(args).mainClass(LibraryFloorEndpoint.class).properties(Map.of(PARTS_PROPERTY, named))
                .singletons(floor).start();
    }
}
