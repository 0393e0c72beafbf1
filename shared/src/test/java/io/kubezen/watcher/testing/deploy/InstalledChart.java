package io.kubezen.watcher.testing.deploy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.ApisApi;
import io.kubezen.watcher.testing.kube.real.RealApiServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The chart in {@code deploy/helm/zen-watcher} installed on a {@link RealApiServer}, in a fresh namespace under a
 * release name of its own (so its cluster-wide ClusterRoles and bindings never meet another install's). No pod
 * ever runs (there is no kubelet); what counts is that the server takes every object, and that the RBAC it
 * creates is what the components need, which tests prove by running them with {@link #token(String)}.
 */
public final class InstalledChart {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final RealApiServer server;
    private final String release;
    private final String namespace;
    private final List<Path> valuesFiles;
    private final List<Manifest> manifests;
    private final List<Manifest> notServed;

    private InstalledChart(RealApiServer server, String release, String namespace, List<Path> valuesFiles,
                           List<Manifest> manifests, List<Manifest> notServed) {
        this.server = server;
        this.release = release;
        this.namespace = namespace;
        this.valuesFiles = valuesFiles;
        this.manifests = manifests;
        this.notServed = notServed;
    }

    /** {@code helm install} with the chart's default values, as the README does it. */
    public static InstalledChart helmInstall(RealApiServer server) {
        return helmInstall(server, Map.of());
    }

    /** {@code helm install} with the chart's default values and {@code values} over them (a values file's tree). */
    public static InstalledChart helmInstall(RealApiServer server, Map<String, Object> values) {
        return helmInstall(server, namespace -> values);
    }

    /** {@code helm install} with values that depend on the release namespace, such as an install's namespace list. */
    public static InstalledChart helmInstall(RealApiServer server, Function<String, Map<String, Object>> valuesOf) {
        Helm helm = helm();
        Path chart = new ZenWatcherChart(helm).directory();
        String release = releaseName();
        String namespace = server.createNamespace("zen-system");
        Map<String, Object> values = valuesOf.apply(namespace);
        List<Path> valuesFiles = new ArrayList<>(List.of(chart.resolve("values.yaml")));
        if (!values.isEmpty()) {
            valuesFiles.add(write(values));
        }
        helm.install(chart, release, namespace, server.kubeconfigFile(), valuesFiles.subList(1, valuesFiles.size()))
                .requireSuccess();
        List<Manifest> installed = Manifest.parse(helm.manifest(release, namespace, server.kubeconfigFile())
                .requireSuccess().stdout(), "helm get manifest " + release);
        return new InstalledChart(server, release, namespace, valuesFiles, installed, List.of());
    }

    /**
     * {@code helm template} with {@code valuesFile}, then {@code kubectl apply} of every object whose API group
     * the server serves; the others (KEDA, Prometheus Operator) are left to the offline checks.
     */
    public static InstalledChart applyRendered(RealApiServer server, String valuesFile) {
        Helm helm = helm();
        Path chart = new ZenWatcherChart(helm).directory();
        String release = releaseName();
        String namespace = server.createNamespace("zen-system");
        List<Manifest> rendered = Manifest.parse(helm.template(chart, release, namespace,
                List.of(chart.resolve(valuesFile)), List.of()).requireSuccess().stdout(), "helm template " + valuesFile);
        Set<String> served = servedGroups(server);
        List<Manifest> applied = rendered.stream().filter(m -> served.contains(m.group())).toList();
        try {
            Path file = Files.createTempFile("zen-watcher-chart-", ".yaml");
            StringBuilder yaml = new StringBuilder();
            for (Manifest manifest : applied) {
                yaml.append("---\n").append(YAML.writeValueAsString(manifest.object()).replaceFirst("^---\n", ""));
            }
            Files.writeString(file, yaml);
            server.kubectl("apply", "--namespace", namespace, "-f", file.toString());
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InstalledChart(server, release, namespace, List.of(chart.resolve("values.yaml"),
                chart.resolve(valuesFile)), applied,
                rendered.stream().filter(m -> !served.contains(m.group())).toList());
    }

    public String namespace() {
        return namespace;
    }

    /** {@code <release>-<component>}: the name of a component's Deployment, ServiceAccount and roles. */
    public String name(String component) {
        return release + "-" + component;
    }

    /** A token of the component's ServiceAccount, as its pod would mount it. */
    public String token(String component) {
        return server.serviceAccountToken(namespace, name(component));
    }

    /** The user a component's token authenticates as. */
    public String user(String component) {
        return RealApiServer.serviceAccountUser(namespace, name(component));
    }

    /** What the installed Roles, ClusterRoles and bindings grant the component's ServiceAccount. */
    public Set<Grant> grants(String component) {
        return ChartRbac.grantsOf(manifests, namespace, name(component));
    }

    /** Kinds and names of what was installed, e.g. {@code Deployment/zen-watcher-1a2b3-writer}. */
    public Set<String> objects() {
        return manifests.stream().map(m -> m.kind() + "/" + m.name()).collect(Collectors.toSet());
    }

    /** The rendered objects of API groups the server does not serve, as {@code group kind}. */
    public Set<String> notServed() {
        return notServed.stream().map(m -> m.group() + " " + m.kind()).collect(Collectors.toSet());
    }

    /** The values files of the install, the chart's own first; later ones win. */
    public List<Path> valuesFiles() {
        return valuesFiles;
    }

    List<Manifest> manifests() {
        return manifests;
    }

    private static Set<String> servedGroups(RealApiServer server) {
        Set<String> groups = new HashSet<>(Set.of(""));
        try {
            new ApisApi(server.adminClient()).getAPIVersions().execute().getGroups()
                    .forEach(group -> groups.add(group.getName()));
        } catch (ApiException e) {
            throw new IllegalStateException("discovery failed: HTTP " + e.getCode(), e);
        }
        return groups;
    }

    private static Path write(Map<String, Object> values) {
        try {
            Path file = Files.createTempFile(Files.createDirectories(Path.of("target", "deploy-checks")), "values-", ".yaml");
            Files.writeString(file, YAML.writeValueAsString(values));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Helm helm() {
        return new Helm(DeployTools.get(), Path.of("target", "deploy-checks", "helm-home"));
    }

    private static String releaseName() {
        return "zen-watcher-" + UUID.randomUUID().toString().substring(0, 5);
    }
}
