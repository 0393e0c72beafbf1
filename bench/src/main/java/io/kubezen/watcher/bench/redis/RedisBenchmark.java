package io.kubezen.watcher.bench.redis;

import io.kubezen.watcher.bench.ExternalCommand;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Redis's own ceiling on this machine, from {@code redis-benchmark} (Debian's {@code redis-tools}): how many
 * commands per second one Redis answers over loopback with {@code clients} connections and no pipelining.
 */
public final class RedisBenchmark {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final URI redis;
    private final int clients;
    private final Path log;

    public RedisBenchmark(URI redis, int clients, Path log) {
        this.redis = redis;
        this.clients = clients;
        this.log = log;
    }

    public static boolean installed() {
        return ExternalCommand.onPath("redis-benchmark");
    }

    /** Requests per second of one of redis-benchmark's built-in tests, such as {@code set}. */
    public double builtIn(String test, int requests) throws IOException, InterruptedException {
        return run(requests, List.of("-t", test));
    }

    /**
     * Requests per second of a command of our own; {@code __rand_int__} in its arguments becomes a number
     * below {@code keyspace}, so the keys repeat as dedup records do.
     */
    public double command(List<String> command, int keyspace, int requests) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-r", Integer.toString(keyspace)));
        args.addAll(command);
        return run(requests, args);
    }

    private double run(int requests, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("redis-benchmark", "-h", redis.getHost(),
                "-p", Integer.toString(redis.getPort()), "-c", Integer.toString(clients),
                "-n", Integer.toString(requests), "--csv"));
        command.addAll(args);
        return parseRequestsPerSecond(ExternalCommand.run(command, Map.of(), TIMEOUT, log));
    }

    /**
     * The CSV has a header line, then {@code "TEST","rps",...} per test; one test per call here. The test is the
     * command as sent, quotes unescaped, so the rate is counted from the end of the line: the header says how many
     * columns follow it.
     */
    static double parseRequestsPerSecond(String csv) {
        int columnsAfterRate = -1;
        for (String line : csv.split("\n")) {
            String[] cells = line.strip().split("\",\"");
            if (line.startsWith("\"test\",\"rps\"")) {
                columnsAfterRate = cells.length - 2;
            } else if (columnsAfterRate >= 0 && cells.length >= columnsAfterRate + 2) {
                return Double.parseDouble(cells[cells.length - columnsAfterRate - 1].replace("\"", ""));
            }
        }
        throw new IllegalArgumentException("redis-benchmark printed no result:\n" + csv);
    }
}
