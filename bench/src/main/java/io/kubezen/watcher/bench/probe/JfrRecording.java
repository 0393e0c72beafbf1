package io.kubezen.watcher.bench.probe;

import io.kubezen.watcher.bench.ExternalCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Flight Recorder recording of another JVM (the ingester), started and stopped with {@code jcmd}, so the
 * ingester needs no flag of its own and is recorded only while the measured runs last.
 */
public final class JfrRecording {

    private static final Duration JCMD_TIMEOUT = Duration.ofSeconds(60);
    private static final int TOP = 25;

    private final long pid;
    private final String name;
    private final Path log;

    private JfrRecording(long pid, String name, Path log) {
        this.pid = pid;
        this.name = name;
        this.log = log;
    }

    /** Starts a recording with the JDK's {@code profile} settings (method samples every 10 ms). */
    public static JfrRecording start(long pid, String name, Path log) throws IOException, InterruptedException {
        ExternalCommand.run(List.of("jcmd", Long.toString(pid), "JFR.start", "name=" + name, "settings=profile"),
                Map.of(), JCMD_TIMEOUT, log);
        return new JfrRecording(pid, name, log);
    }

    /** Stops the recording into {@code recording} and writes its hottest frames to {@code summary}. */
    public void stopAndSummarise(Path recording, Path summary) throws IOException, InterruptedException {
        ExternalCommand.run(List.of("jcmd", Long.toString(pid), "JFR.stop", "name=" + name,
                "filename=" + recording.toAbsolutePath()), Map.of(), JCMD_TIMEOUT, log);
        Files.writeString(summary, TopFrames.read(recording).report(TOP));
    }
}
