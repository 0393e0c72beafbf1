package io.kubezen.watcher.bench.load;

import io.kubezen.watcher.bench.ExternalCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs wrk with {@code bench/wrk/events.lua}, which builds the bodies; wrk is Debian's package {@code wrk}. */
public final class Wrk {

    /** Longer than any answer should take; a request past it counts as a socket error. */
    private static final String REQUEST_TIMEOUT = "10s";
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Path script;

    public Wrk(Path script) {
        this.script = script;
    }

    public static boolean installed() {
        return ExternalCommand.onPath("wrk");
    }

    public WrkResult run(WrkLoad load, Duration duration, String nonce, Path log) throws IOException, InterruptedException {
        return WrkResult.parse(ExternalCommand.run(command(load, duration, nonce), Map.of(), duration.plus(GRACE), log));
    }

    List<String> command(WrkLoad load, Duration duration, String nonce) {
        List<String> command = new ArrayList<>(List.of("wrk",
                "-t", Integer.toString(load.threads()),
                "-c", Integer.toString(load.connections()),
                "-d", duration.toSeconds() + "s",
                "--timeout", REQUEST_TIMEOUT,
                "--latency",
                "-s", script.toString(),
                load.target().toString(),
                "--",
                load.eventTemplate().toString(),
                Integer.toString(load.eventsPerRequest()),
                Integer.toString(load.distinctEvents() / load.threads()),
                nonce));
        load.envelope().ifPresent(envelope -> command.add(envelope.toString()));
        return command;
    }
}
