package io.kubezen.watcher.bench;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    private static final String[] REQUIRED = {"--ingester", "http://127.0.0.1:20001", "--ceiling", "http://127.0.0.1:20002",
            "--redis", "redis://127.0.0.1:20003", "--ingester-pid", "4242", "--results", "bench/results/x"};

    @Test
    void readsWhatRunShPasses() {
        BenchOptions options = BenchOptions.parse(REQUIRED);

        assertThat(options.ingester()).isEqualTo(URI.create("http://127.0.0.1:20001"));
        assertThat(options.ceiling()).isEqualTo(URI.create("http://127.0.0.1:20002"));
        assertThat(options.redisUris()).containsExactly("redis://127.0.0.1:20003");
        assertThat(options.ingesterPid()).isEqualTo(4242);
        assertThat(options.resultsDir()).isEqualTo(Path.of("bench/results/x"));
        assertThat(options.benchDir()).isEqualTo(Path.of("bench"));
        assertThat(options.plan()).isEqualTo(RunPlan.FULL);
        assertThat(options.profile()).isFalse();
        assertThat(options.only()).isEmpty();
    }

    @Test
    void redisListsEveryMasterOfACluster() {
        String[] args = REQUIRED.clone();
        args[5] = "redis://127.0.0.1:20003,redis://127.0.0.1:20004,redis://127.0.0.1:20005";

        assertThat(BenchOptions.parse(args).redisUris())
                .containsExactly("redis://127.0.0.1:20003", "redis://127.0.0.1:20004", "redis://127.0.0.1:20005");
    }

    @Test
    void quickProfileAndOnlyChangeThePlan() {
        BenchOptions options = BenchOptions.parse(concat(REQUIRED, "--quick", "--profile", "--only", "falco,ceiling"));

        assertThat(options.plan()).isEqualTo(RunPlan.QUICK);
        assertThat(options.profile()).isTrue();
        assertThat(options.only()).isEqualTo(Set.of("falco", "ceiling"));
    }

    @Test
    void idleIsAPercentageAndOffByDefault() {
        assertThat(BenchOptions.parse(REQUIRED).idlePercent()).isZero();
        assertThat(BenchOptions.parse(concat(REQUIRED, "--idle", "90")).idlePercent()).isEqualTo(90);
        assertThatThrownBy(() -> BenchOptions.parse(concat(REQUIRED, "--idle", "120")))
                .hasMessageStartingWith("--idle is a percentage");
    }

    @Test
    void aMissingAddressIsNamed() {
        assertThatThrownBy(() -> BenchOptions.parse("--ingester", "http://127.0.0.1:1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("missing --ceiling")
                .hasMessageContaining("usage:");
    }

    @Test
    void aStrayArgumentIsRefused() {
        assertThatThrownBy(() -> BenchOptions.parse(concat(REQUIRED, "--fast")))
                .hasMessageStartingWith("unexpected argument '--fast'");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
