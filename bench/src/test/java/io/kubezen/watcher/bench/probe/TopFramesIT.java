package io.kubezen.watcher.bench.probe;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
            // JFR's sampler thread sometimes takes its first samples late on a busy machine: spin until the
            // recording holds some, in rounds of 800 ms, for at most 10 s.
            long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            do {
                for (long end = System.nanoTime() + Duration.ofMillis(800).toNanos(); System.nanoTime() < end; ) {
                    sink += spin();
                }
                recording.dump(file);
            } while (executionSamples(file) == 0 && System.nanoTime() < giveUp);
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

    private static long executionSamples(Path file) throws IOException {
        return RecordingFile.readAllEvents(file).stream()
                .filter(event -> event.getEventType().getName().equals("jdk.ExecutionSample")).count();
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
