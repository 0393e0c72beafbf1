package io.kubezen.watcher.bench.scenario;

import io.kubezen.watcher.bench.report.Figure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColdStartScenarioTest {

    private static final String OUTPUT = """
            image: openjdk version "25.0.3" 2026-04-21 LTS, -XX:AOTCache=/tmp/tmp.x/app.aot (79M)
            bare run 1: 1600 ms, cpu 2100 ms (jit 700 ms, main thread 800 ms), rss 182 MB, poller 90 ms
            floor run 1: 2000 ms, cpu 2900 ms (jit 900 ms, main thread 700 ms), rss 200 MB, poller 90 ms
            receiver run 1: 2400 ms, cpu 3900 ms (jit 1300 ms, main thread 1400 ms), rss 246 MB, poller 90 ms
            image run 1: 900 ms, cpu 1800 ms (jit 600 ms, main thread 500 ms), rss 196 MB, poller 90 ms
            bare run 2: 2000 ms, cpu 2000 ms (jit 666 ms, main thread 790 ms), rss 180 MB, poller 90 ms
            floor run 2: 2080 ms, cpu 2800 ms (jit 880 ms, main thread 690 ms), rss 201 MB, poller 90 ms
            receiver run 2: 2600 ms, cpu 4100 ms (jit 1366 ms, main thread 1450 ms), rss 244 MB, poller 90 ms
            image run 2: 1100 ms, cpu 1900 ms (jit 633 ms, main thread 520 ms), rss 195 MB, poller 90 ms
            bare median: 1600 ms, cpu 2000 ms (jit 666 ms, main thread 790 ms) over 2 runs
            """;

    @Test
    void readsEachStartOfEachConfiguration() {
        ColdStartScenario.Starts receiver = ColdStartScenario.starts(OUTPUT).get(ColdStartScenario.RECEIVER);

        assertThat(receiver.wallMillis()).containsExactly(2400.0, 2600.0);
        assertThat(receiver.cpuMillis()).containsExactly(3900.0, 4100.0);
    }

    @Test
    void theReceiverIsComparedWithTheBareEndpointOfTheSameRound() {
        List<Figure> figures = ColdStartScenario.figures(ColdStartScenario.starts(OUTPUT));

        assertThat(figures).filteredOn(f -> f.metric().equals("receiver / bare endpoint, java -jar")).singleElement()
                .satisfies(ratio -> {
                    assertThat(ratio.runs()).containsExactly(1.5, 1.3);
                    assertThat(ratio.verdict()).startsWith("missed");
                });
        assertThat(figures).filteredOn(f -> f.metric().equals("receiver / library floor")).singleElement()
                .satisfies(ratio -> assertThat(ratio.runs()).containsExactly(1.2, 1.25));
        assertThat(figures).filteredOn(f -> f.metric().equals("receiver as the image starts it: first 202"))
                .singleElement().satisfies(image -> assertThat(image.verdict()).isEqualTo("met"));
    }

    @Test
    void outputWithoutAConfigurationIsAnError() {
        String bareOnly = "bare run 1: 1600 ms, cpu 2100 ms (jit 700 ms, main thread 790 ms), rss 182 MB, poller 90 ms\n";
        assertThatThrownBy(() -> ColdStartScenario.starts(bareOnly))
                .hasMessageContaining("no start of floor");
    }
}
