package io.kubezen.watcher.testing.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One finished run of an external tool. Input and output go through files, not pipes, so a tool that writes
 * a lot to one stream while we read the other cannot stall, and a tool that hangs is killed at its timeout.
 */
record ProcessRun(List<String> command, int exitCode, String stdout, String stderr) {

    static ProcessRun run(List<String> command, String stdin, Map<String, String> environment, Duration timeout) {
        try {
            Path dir = Files.createTempDirectory("zen-watcher-run-");
            try {
                Path in = Files.writeString(dir.resolve("stdin"), stdin);
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectInput(in.toFile())
                        .redirectOutput(dir.resolve("stdout").toFile())
                        .redirectError(dir.resolve("stderr").toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new IllegalStateException(command + " did not finish within " + timeout);
                }
                return new ProcessRun(command, process.exitValue(),
                        Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8),
                        Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
            } finally {
                DeployTools.deleteTree(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command + " was interrupted", e);
        }
    }

    ProcessRun requireSuccess() {
        if (exitCode != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + exitCode + ":\n" + stdout + stderr);
        }
        return this;
    }
}
