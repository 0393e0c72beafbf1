package io.kubezen.watcher.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What wrk measured in one run, as the {@code done} hook of {@code bench/wrk/events.lua} prints it.
 *
 * @param non2xx       answers that were not 2xx or 3xx: a run with any did not measure the accepting path
 * @param socketErrors connect, read, write and timeout errors together
 */
public record WrkResult(long requests, long durationMicros, long non2xx, long socketErrors, long p50Micros,
                        long p99Micros, long maxMicros) {

    static final String MARKER = "wrk-result ";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Finds the result line in wrk's whole output. */
    public static WrkResult parse(String output) {
        for (String line : output.split("\n")) {
            if (line.startsWith(MARKER)) {
                try {
                    JsonNode json = JSON.readTree(line.substring(MARKER.length()));
                    return new WrkResult(json.get("requests").asLong(), json.get("durationMicros").asLong(),
                            json.get("non2xx").asLong(), json.get("socketErrors").asLong(),
                            json.get("p50Micros").asLong(), json.get("p99Micros").asLong(), json.get("maxMicros").asLong());
                } catch (Exception e) {
                    throw new IllegalArgumentException("unreadable wrk result: " + line, e);
                }
            }
        }
        throw new IllegalArgumentException("wrk printed no result line; did it run bench/wrk/events.lua?\n" + output);
    }

    public double requestsPerSecond() {
        return requests * 1e6 / durationMicros;
    }

    public long errors() {
        return non2xx + socketErrors;
    }
}
