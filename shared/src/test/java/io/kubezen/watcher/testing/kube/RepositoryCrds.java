package io.kubezen.watcher.testing.kube;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code deploy/crds}, so tests in any module serve the CRDs that are shipped. */
public final class RepositoryCrds {

    private static final Path RELATIVE = Path.of("deploy", "crds");

    private RepositoryCrds() {
    }

    /**
     * {@code deploy/crds} in the working directory or the nearest directory above it; Maven runs tests in the
     * module directory, one level below the repository root.
     */
    public static Path directory() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no deploy/crds directory in " + start + " or above it");
    }
}
