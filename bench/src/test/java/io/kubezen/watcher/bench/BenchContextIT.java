package io.kubezen.watcher.bench;

import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@WithRedis
class BenchContextIT {

    private static final RunPlan PLAN = new RunPlan(Duration.ofMillis(5), 3, Duration.ofMillis(7));

    @Test
    void warmsUpOnceThenRunsThePlanEachTimeOnAnEmptyRedis(RedisServerHandle redis) throws Exception {
        List<String> calls = new ArrayList<>();
        try (BenchContext context = new BenchContext(options(redis))) {
            List<Long> keysAtStart = context.repeat("falco", (duration, label) -> {
                calls.add(label + " " + duration.toMillis() + "ms");
                long keys = redis.sync().dbsize();
                redis.sync().set("zw:left-behind:" + label, "x");
                return keys;
            });

            assertThat(calls).containsExactly("falco-warm-up 5ms", "falco-run-1 7ms", "falco-run-2 7ms", "falco-run-3 7ms");
            assertThat(keysAtStart).containsExactly(0L, 0L, 0L);
        }
    }

    @Test
    void givesEveryRunItsOwnNonce(RedisServerHandle redis) {
        try (BenchContext context = new BenchContext(options(redis))) {
            assertThat(Set.of(context.nonce(), context.nonce(), context.nonce())).hasSize(3);
        }
    }

    private static BenchOptions options(RedisServerHandle redis) {
        return new BenchOptions(URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:2"), List.of(redis.uri()),
                ProcessHandle.current().pid(), Path.of("target"), Path.of("."), PLAN, false, Set.of(),
                Path.of("unused-ingester.jar"), 0);
    }
}
