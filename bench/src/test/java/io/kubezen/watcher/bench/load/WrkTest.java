package io.kubezen.watcher.bench.load;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WrkTest {

    private final Wrk wrk = new Wrk(Path.of("bench/wrk/events.lua"));

    @Test
    void passesTheScriptEachThreadsShareOfTheWorkingSetAndTheEnvelope() {
        WrkLoad load = new WrkLoad(URI.create("http://127.0.0.1:20001/ingest/k8s-audit"), Path.of("bench/payloads/e.json"),
                Optional.of(Path.of("bench/payloads/env.json")), 100, 10_000, 2, 32);

        assertThat(wrk.command(load, Duration.ofSeconds(20), "n1x3")).containsExactly("wrk", "-t", "2", "-c", "32",
                "-d", "20s", "--timeout", "10s", "--latency", "-s", "bench/wrk/events.lua",
                "http://127.0.0.1:20001/ingest/k8s-audit", "--", "bench/payloads/e.json", "100", "5000", "n1x3",
                "bench/payloads/env.json");
    }

    @Test
    void aLoadNeedsAConnectionPerThread() {
        assertThatThrownBy(() -> new WrkLoad(URI.create("http://127.0.0.1:1/"), Path.of("e"), Optional.empty(), 1, 100, 4, 2))
                .hasMessageContaining("4 threads and 2 connections");
    }

    @Test
    void readsTheResultLineAmongWrksOwnOutput() {
        WrkResult result = WrkResult.parse("""
                Running 20s test @ http://127.0.0.1:20001/ingest/falco
                  1 threads and 128 connections
                Requests/sec:   4131.20
                wrk-result {"requests":82624,"durationMicros":20000000,"bytes":1,"non2xx":2,"socketErrors":1,\
                "p50Micros":28300,"p99Micros":132000,"maxMicros":180000}
                """);

        assertThat(result.requestsPerSecond()).isEqualTo(4131.2);
        assertThat(result.errors()).isEqualTo(3);
        assertThat(result.p99Micros()).isEqualTo(132_000);
    }

    @Test
    void outputWithoutAResultLineIsAnError() {
        assertThatThrownBy(() -> WrkResult.parse("unable to connect to 127.0.0.1:20001 Connection refused"))
                .hasMessageContaining("no result line");
    }
}
