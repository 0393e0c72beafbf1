package io.kubezen.watcher.bench.redis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisBenchmarkTest {

    @Test
    void readsTheRateOfTheTestFromTheCsv() {
        assertThat(RedisBenchmark.parseRequestsPerSecond("""
                "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
                "evalsha 61636018f4e6 1 k:__rand_int__","20964.36","1.591","0.224","0.991","4.439","6.303","22.047"
                """)).isEqualTo(20964.36);
    }

    @Test
    void aCommandWhoseArgumentsHoldQuotesAndCommasDoesNotShiftTheRate() {
        assertThat(RedisBenchmark.parseRequestsPerSecond("""
                "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
                "evalsha 61636018f4e6 2 s k:__rand_int__ {"namespace":"zen-system","labels":{"a":"b"}}","8123.50","1.591","0.224","0.991","4.439","6.303","22.047"
                """)).isEqualTo(8123.50);
    }

    @Test
    void anErrorInsteadOfAResultIsReported() {
        assertThatThrownBy(() -> RedisBenchmark.parseRequestsPerSecond("Could not connect to Redis at 127.0.0.1:1\n"))
                .hasMessageContaining("no result");
    }
}
