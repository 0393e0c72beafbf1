package io.kubezen.watcher.testing.kube.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The kube-apiserver, etcd and kubectl that {@code testing/kube-apiserver/build.sh} built into its cache folder.
 * They count only when the folder's {@code VERSION} stamp is the one build.sh would write today (versions and a
 * hash of the go.mod/go.sum files), so binaries of an older release are never used by mistake.
 */
record KubeBinaries(Path directory) {

    static final String BUILD_SCRIPT = "testing/kube-apiserver/build.sh";

    private static final Path TOOLING = Path.of("testing", "kube-apiserver");

    Path apiServer() {
        return directory.resolve("kube-apiserver");
    }

    Path etcd() {
        return directory.resolve("etcd");
    }

    Path kubectl() {
        return directory.resolve("kubectl");
    }

    /**
     * The built binaries. Reads the same environment as build.sh: {@code ZW_KUBE_BIN_DIR}, else
     * {@code ~/.cache/zen-watcher/kube-<kubernetes version>}.
     *
     * @throws NotBuilt naming what is missing
     */
    static KubeBinaries locate() throws NotBuilt {
        Path tooling = toolingDirectory();
        String kubernetes = requiredVersion(tooling.resolve("go.mod"), "k8s.io/kubernetes");
        String etcd = requiredVersion(tooling.resolve("etcd").resolve("go.mod"), "go.etcd.io/etcd/server/v3");
        String configured = System.getenv("ZW_KUBE_BIN_DIR");
        Path directory = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "zen-watcher", "kube-" + kubernetes);
        KubeBinaries binaries = new KubeBinaries(directory);
        String stamp = "kubernetes=" + kubernetes + " etcd=" + etcd + " deps=" + dependencyHash(tooling) + " kubectl=1";
        Path versionFile = directory.resolve("VERSION");
        if (!List.of(binaries.apiServer(), binaries.etcd(), binaries.kubectl()).stream().allMatch(Files::isExecutable)) {
            throw new NotBuilt("kube-apiserver, etcd and kubectl are not built in " + directory);
        }
        if (!stamp.equals(read(versionFile).strip())) {
            throw new NotBuilt("the binaries in " + directory + " are of another build (" + read(versionFile).strip()
                    + "; wanted " + stamp + ")");
        }
        return binaries;
    }

    private static Path toolingDirectory() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(TOOLING).resolve("go.mod"))) {
                return dir.resolve(TOOLING);
            }
        }
        throw new IllegalStateException("no " + TOOLING + "/go.mod in " + start + " or above it");
    }

    /** The version of a single-line {@code require <module> <version>}, as build.sh reads it with awk. */
    private static String requiredVersion(Path goMod, String module) {
        return read(goMod).lines().map(String::trim).map(line -> line.split("\\s+"))
                .filter(words -> words.length >= 3 && words[0].equals("require") && words[1].equals(module))
                .map(words -> words[2]).findFirst()
                .orElseThrow(() -> new IllegalStateException(goMod + " has no 'require " + module + " <version>' line"));
    }

    /** {@code cat go.mod go.sum etcd/go.mod etcd/go.sum | sha256sum | cut -c1-16}, as build.sh stamps it. */
    private static String dependencyHash(Path tooling) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (Path file : List.of(tooling.resolve("go.mod"), tooling.resolve("go.sum"),
                    tooling.resolve("etcd").resolve("go.mod"), tooling.resolve("etcd").resolve("go.sum"))) {
                sha256.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The binaries are missing or stale; the message says which. */
    static final class NotBuilt extends Exception {

        NotBuilt(String message) {
            super(message);
        }
    }
}
