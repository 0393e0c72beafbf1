package io.kubezen.watcher.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool (wrk, redis-benchmark, jcmd, the cold-start script) to completion, its output kept in a log
 * file. Bounded: a tool still running at its deadline is killed, through its own process handle only.
 */
public final class ExternalCommand {

    private ExternalCommand() {
    }

    /** Whether {@code tool} is an executable on the PATH. */
    public static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code command}, appends its output to {@code log} and returns that output; fails unless it exits 0. */
    public static String run(List<String> command, Map<String, String> environment, Duration timeout, Path log)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("zen-bench-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new IOException(command.get(0) + " did not finish within " + timeout + "; see " + log);
            }
            String text = Files.readString(output);
            Files.writeString(log, "$ " + String.join(" ", command) + "\n" + text, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (process.exitValue() != 0) {
                throw new IOException(command.get(0) + " exited with " + process.exitValue() + "; see " + log);
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
