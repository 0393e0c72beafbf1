package io.kubezen.watcher.testing.deploy;

import io.kubezen.watcher.testing.crd.DeployFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every manifest under {@code deploy/} and {@code knative/} is one a strict API server accepts, and the checker
 * really refuses the broken ones in {@code testing/deploy/broken} (each names, on its first line, the problem
 * it must produce). The chart is checked rendered, by HelmChartIT; Observations and Ingesters against our CRDs,
 * by DeployExamplesIT, so they may only live in deploy/examples.
 */
class DeployManifestsIT {

    private static final Path REPOSITORY = DeployFiles.root().getParent();
    private static final String OUR_GROUP = "zen.kube-zen.io";

    private static final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void validateEverything() {
        List<Manifest> all = new ArrayList<>();
        Stream.concat(manifestFiles(), brokenFixtures()).forEach(file -> all.addAll(read(file)));
        problems.addAll(new ManifestValidator(DeployTools.get(), Path.of("target", "deploy-checks"))
                .problems(all.stream().filter(m -> !OUR_GROUP.equals(m.group())).toList()));
    }

    static Stream<Path> manifestFiles() {
        try (Stream<Path> files = Stream.concat(Files.walk(REPOSITORY.resolve("deploy")), Files.walk(REPOSITORY.resolve("knative")))) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.startsWith(REPOSITORY.resolve("deploy/helm")))
                    .filter(f -> !f.startsWith(REPOSITORY.resolve("deploy/examples/invalid")))
                    .sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> brokenFixtures() {
        try {
            Path dir = Path.of(Objects.requireNonNull(DeployManifestsIT.class.getResource("/testing/deploy/broken")).toURI());
            return DeployFiles.yamlFiles(dir).stream();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestFiles")
    void manifestIsValid(Path file) {
        List<Manifest> manifests = read(file);

        assertThat(manifests).as("objects in " + file).isNotEmpty();
        if (!file.startsWith(REPOSITORY.resolve("deploy/examples"))) {
            assertThat(manifests).as("our resources outside deploy/examples are never checked against the CRDs")
                    .noneMatch(m -> OUR_GROUP.equals(m.group()));
        }
        assertThat(problems).filteredOn(p -> p.startsWith(origin(file) + " ")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFixtures")
    void brokenManifestIsRefusedForItsFault(Path fixture) throws IOException {
        String firstLine = Files.readAllLines(fixture).get(0);
        assertThat(firstLine).as("first line of " + fixture).startsWith("# expect: ");

        assertThat(problems).filteredOn(p -> p.startsWith(origin(fixture) + " "))
                .anySatisfy(p -> assertThat(p).contains(firstLine.substring("# expect: ".length())));
    }

    private static List<Manifest> read(Path file) {
        try {
            return Manifest.parse(Files.readString(file), origin(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String origin(Path file) {
        return file.startsWith(REPOSITORY) ? REPOSITORY.relativize(file).toString() : file.getFileName().toString();
    }
}
