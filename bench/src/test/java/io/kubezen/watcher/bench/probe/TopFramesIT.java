package io.kubezen.watcher.bench.probe;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Summarises a real recording of this JVM while one of our methods keeps a core busy. */
class TopFramesIT {

    @Test
    void chargesTheSamplesToTheMethodsThatRan(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("busy.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            long sink = 0;
            for (long end = System.nanoTime() + Duration.ofMillis(800).toNanos(); System.nanoTime() < end; ) {
                sink += spin();
            }
            recording.stop();
            recording.dump(file);
            assertThat(sink).isNotZero();
        }

        String report = TopFrames.read(file).report(10);

        assertThat(report).containsPattern("^\\d+ execution samples");
        assertThat(report).contains("io.kubezen.watcher.bench.probe.TopFramesIT.chargesTheSamplesToTheMethodsThatRan");
        assertThat(report).containsPattern("own \\(our frame closest to the top, with its line\\)\\n\\s+\\d+\\.\\d %  "
                + "io\\.kubezen\\.watcher\\.bench\\.probe\\.TopFramesIT\\.");
    }

    private static long spin() {
        long x = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x | 1;
    }
}
