package io.kubezen.watcher.testing.kube.real;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.AuthenticationV1TokenRequest;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1TokenRequestSpec;
import io.kubezen.watcher.testing.kube.RepositoryCrds;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real kube-apiserver (with etcd) for the {@code *RealApiIT} tier: one per test JVM, started on first use,
 * with RBAC on, ServiceAccount tokens (TokenRequest) and the repository's CRDs applied. No controller-manager
 * runs: deleted namespaces stay {@code Terminating}, ServiceAccounts get no token Secrets, Deployments make no
 * Pods. Tests therefore isolate themselves in namespaces of their own ({@link #createNamespace(String)}) and
 * never wait for a namespace to go.
 *
 * <p>Where the binaries of {@code testing/kube-apiserver/build.sh} are missing, the calling test is skipped with
 * a message saying how to build them, unless {@code ZW_REAL_API_REQUIRED=1} or
 * {@code -Dzen-watcher.test.real-api=required} says this tier must run (CI), in which case it fails.
 */
public final class RealApiServer {

    private static final String REQUIRED_PROPERTY = "zen-watcher.test.real-api";
    private static final String REQUIRED_ENV = "ZW_REAL_API_REQUIRED";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration ESTABLISHED_TIMEOUT = Duration.ofSeconds(30);
    private static final long TOKEN_SECONDS = 3600;

    private static RealApiServer shared;
    private static String unavailable;

    private final ControlPlane plane;
    private final KubeBinaries binaries;
    private final ApiClient admin;
    private final CrdApplier crds;
    private final Set<String> appliedResources = new HashSet<>();

    private RealApiServer(ControlPlane plane, KubeBinaries binaries) {
        this.plane = plane;
        this.binaries = binaries;
        this.admin = plane.client(plane.adminToken());
        this.crds = new CrdApplier(admin, ESTABLISHED_TIMEOUT);
    }

    /**
     * The server of this JVM, started (and the repository's CRDs applied) on the first call.
     *
     * @throws TestAbortedException when the binaries are not built and this tier is not required
     */
    public static synchronized RealApiServer shared() {
        if (shared != null) {
            return shared;
        }
        if (unavailable != null) {
            throw skipOrFail(unavailable);
        }
        KubeBinaries binaries;
        try {
            binaries = KubeBinaries.locate();
        } catch (KubeBinaries.NotBuilt e) {
            unavailable = e.getMessage();
            throw skipOrFail(unavailable);
        }
        ControlPlane plane = ControlPlane.start(binaries, START_TIMEOUT);
        Runtime.getRuntime().addShutdownHook(new Thread(plane::close, "kube-apiserver-shutdown"));
        RealApiServer server = new RealApiServer(plane, binaries);
        server.crds.applyDirectory(RepositoryCrds.directory());
        shared = server;
        return server;
    }

    /** True when this tier must run: set in CI, where a skipped real-server test would hide a regression. */
    static boolean required() {
        String property = System.getProperty(REQUIRED_PROPERTY, "");
        String env = System.getenv().getOrDefault(REQUIRED_ENV, "");
        return property.trim().toLowerCase(Locale.ROOT).equals("required") || env.trim().equals("1")
                || env.trim().equalsIgnoreCase("true");
    }

    private static RuntimeException skipOrFail(String why) {
        String message = "no real kube-apiserver for this test: " + why + ". Build it once with "
                + KubeBinaries.BUILD_SCRIPT + " (needs Go; about 5 minutes cold, see docs/development.md)";
        if (required()) {
            return new IllegalStateException(message + ". This tier is required here (" + REQUIRED_ENV + " or -D"
                    + REQUIRED_PROPERTY + "=required), so the test fails instead of being skipped.");
        }
        // Surefire shows a class skipped before its first test without the reason; the build log gets it.
        System.err.println("WARNING: " + message);
        return new TestAbortedException(message);
    }

    public String baseUrl() {
        return plane.baseUrl();
    }

    /** A client of user {@code admin} in group {@code system:masters}, which RBAC never refuses. */
    public ApiClient adminClient() {
        return admin;
    }

    /** A client that authenticates with {@code token}, for example one of {@link #serviceAccountToken}. */
    public ApiClient client(String token) {
        return plane.client(token);
    }

    /** The CA bundle that verifies the server's certificate. */
    public Path caFile() {
        return plane.caFile();
    }

    /**
     * Properties that point micronaut-kubernetes' client at this server with {@code token}, the way a pod's
     * mounted service account does: a token file and a CA file.
     */
    public Map<String, Object> clientProperties(String token) {
        try {
            Path file = Files.createTempFile(plane.workDir(), "token-", "");
            Files.writeString(file, token);
            return Map.of("kubernetes.client.base-path", baseUrl(),
                    "kubernetes.client.ca-path", caFile().toString(),
                    "kubernetes.client.token-path", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #clientProperties} of the admin user. */
    public Map<String, Object> adminClientProperties() {
        return clientProperties(plane.adminToken());
    }

    /** Creates {@code <prefix>-<random>}; never deleted (nothing would empty it: no controller-manager). */
    public String createNamespace(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        createNamespaceNamed(name);
        return name;
    }

    /** Creates the namespace unless it exists, for manifests that name theirs. */
    public void ensureNamespace(String name) {
        createNamespaceNamed(name);
    }

    private void createNamespaceNamed(String name) {
        try {
            new CoreV1Api(admin).createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(name))).execute();
        } catch (ApiException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw failed("create namespace " + name, e);
            }
        }
    }

    /**
     * A token of ServiceAccount {@code namespace/name} from the TokenRequest API, valid for an hour; the account is
     * created first unless it exists.
     */
    public String serviceAccountToken(String namespace, String name) {
        CoreV1Api core = new CoreV1Api(admin);
        try {
            core.createNamespacedServiceAccount(namespace, new V1ServiceAccount().metadata(new V1ObjectMeta().name(name)))
                    .execute();
        } catch (ApiException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw failed("create ServiceAccount " + namespace + "/" + name, e);
            }
        }
        try {
            return core.createNamespacedServiceAccountToken(name, namespace, new AuthenticationV1TokenRequest()
                    .spec(new V1TokenRequestSpec().expirationSeconds(TOKEN_SECONDS))).execute().getStatus().getToken();
        } catch (ApiException e) {
            throw failed("request a token of ServiceAccount " + namespace + "/" + name, e);
        }
    }

    /** The user name a token of ServiceAccount {@code namespace/name} authenticates as. */
    public static String serviceAccountUser(String namespace, String name) {
        return "system:serviceaccount:" + namespace + ":" + name;
    }

    /**
     * Creates or replaces the CRDs of a classpath resource (several documents allowed) and waits until they are
     * served; once per resource and JVM, so test classes sharing a fixture may each ask for it.
     */
    public synchronized void applyCrdResource(String resource) {
        if (appliedResources.add(resource)) {
            crds.applyResource(resource);
        }
    }

    /**
     * The requests {@code user} made so far, oldest first, from the server's audit log (ServiceAccounts only). A
     * request is audited at several stages (a watch when it starts and when it ends); each counts once.
     */
    public List<AuditedRequest> requestsBy(String user) {
        return AuditedRequest.read(plane.auditLog(), user);
    }

    /**
     * Runs the kubectl built alongside the server, as the admin user, and returns its standard output.
     *
     * @throws AssertionError when kubectl fails, with its output
     */
    public String kubectl(String... arguments) {
        try {
            Path out = Files.createTempFile(plane.workDir(), "kubectl-", ".out");
            Path err = Files.createTempFile(plane.workDir(), "kubectl-", ".err");
            List<String> command = new ArrayList<>(List.of(binaries.kubectl().toString(),
                    "--kubeconfig=" + kubeconfigFile()));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(command + " exited with " + process.exitValue() + ":\n"
                        + Files.readString(out) + Files.readString(err));
            }
            return Files.readString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running kubectl", e);
        }
    }

    /** A kubeconfig file of the admin user, for tools such as kubectl and helm. */
    public synchronized Path kubeconfigFile() {
        Path file = plane.workDir().resolve("kubeconfig");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, kubeconfig());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String kubeconfig() {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: zw-test
                  cluster:
                    server: %s
                    certificate-authority: %s
                users:
                - name: admin
                  user:
                    token: %s
                contexts:
                - name: zw-test
                  context: {cluster: zw-test, user: admin}
                current-context: zw-test
                """.formatted(baseUrl(), caFile(), plane.adminToken());
    }

    private static IllegalStateException failed(String what, ApiException e) {
        return new IllegalStateException("could not " + what + ": HTTP " + e.getCode() + " " + e.getResponseBody(), e);
    }
}
