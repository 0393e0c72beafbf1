package io.kubezen.watcher.testing.kube.real;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;
import okhttp3.Request;
import okhttp3.Response;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A throw-away etcd and kube-apiserver on free loopback ports, started as {@code testing/kube-apiserver/start.sh}
 * starts them (same flags; see its README) but from Java, so neither bash, openssl nor curl is needed. On top:
 * an audit log of every request made by a ServiceAccount, which is how RBAC tests see what a component asked for.
 *
 * <p>Everything lives in one temporary work directory. {@link #close()} kills both processes (the data is thrown
 * away, so there is nothing to shut down gracefully) and deletes it; a watchdog process does the same if the test
 * JVM dies without running its shutdown hooks.
 */
final class ControlPlane implements AutoCloseable {

    private static final String AUDIT_POLICY = """
            apiVersion: audit.k8s.io/v1
            kind: Policy
            omitStages: [RequestReceived]
            rules:
              - level: Metadata
                userGroups: ["system:serviceaccounts"]
              - level: None
            """;
    private static final Duration POLL = Duration.ofMillis(100);

    private final Path workDir;
    private final String adminToken;
    private final int apiPort;
    private final List<Process> processes = new ArrayList<>();

    private ControlPlane(Path workDir, String adminToken, int apiPort) {
        this.workDir = workDir;
        this.adminToken = adminToken;
        this.apiPort = apiPort;
    }

    /** Starts etcd, then kube-apiserver, and returns once {@code /readyz} answers ok. */
    static ControlPlane start(KubeBinaries binaries, Duration timeout) {
        try {
            Path workDir = Files.createTempDirectory("zw-kube-");
            ControlPlane plane = new ControlPlane(workDir, HexFormat.of().formatHex(randomBytes(24)), freePort());
            try {
                plane.startProcesses(binaries, timeout);
                return plane;
            } catch (RuntimeException | Error e) {
                plane.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare a work directory for kube-apiserver", e);
        }
    }

    String baseUrl() {
        return "https://127.0.0.1:" + apiPort;
    }

    String adminToken() {
        return adminToken;
    }

    /** The serving certificate chain kube-apiserver generated, its self-signed CA included: the CA file of clients. */
    Path caFile() {
        return workDir.resolve("pki").resolve("apiserver.crt");
    }

    /** JSON lines, one per request by a ServiceAccount (audit level Metadata). */
    Path auditLog() {
        return workDir.resolve("logs").resolve("audit.log");
    }

    Path workDir() {
        return workDir;
    }

    private void startProcesses(KubeBinaries binaries, Duration timeout) throws IOException {
        Path pki = Files.createDirectories(workDir.resolve("pki"));
        Path logs = Files.createDirectories(workDir.resolve("logs"));
        Path etcdData = Files.createDirectories(workDir.resolve("etcd-data"));
        writeServiceAccountKeys(pki);
        Files.writeString(pki.resolve("tokens.csv"), adminToken + ",admin,admin-uid,system:masters\n");
        Files.writeString(workDir.resolve("audit-policy.yaml"), AUDIT_POLICY);
        long deadline = System.nanoTime() + timeout.toNanos();

        int etcdPort = freePort();
        int peerPort = freePort();
        Process etcd = launch(logs.resolve("etcd.log"), binaries.etcd().toString(),
                "--name=zw",
                "--data-dir=" + etcdData,
                "--listen-client-urls=http://127.0.0.1:" + etcdPort,
                "--advertise-client-urls=http://127.0.0.1:" + etcdPort,
                // The default peer port 2380 would clash between test JVMs running at the same time.
                "--listen-peer-urls=http://127.0.0.1:" + peerPort,
                "--initial-advertise-peer-urls=http://127.0.0.1:" + peerPort,
                "--initial-cluster=zw=http://127.0.0.1:" + peerPort,
                "--initial-cluster-state=new",
                "--unsafe-no-fsync=true",
                "--log-level=warn");
        awaitUp("etcd", etcd, logs.resolve("etcd.log"), deadline,
                () -> httpGet("http://127.0.0.1:" + etcdPort + "/health").contains("\"health\":\"true\""));

        Process apiServer = launch(logs.resolve("kube-apiserver.log"), binaries.apiServer().toString(),
                "--etcd-servers=http://127.0.0.1:" + etcdPort,
                "--bind-address=127.0.0.1",
                "--secure-port=" + apiPort,
                "--advertise-address=127.0.0.1",
                "--cert-dir=" + pki,
                "--token-auth-file=" + pki.resolve("tokens.csv"),
                "--authorization-mode=RBAC",
                "--service-account-issuer=https://kubernetes.default.svc",
                "--service-account-key-file=" + pki.resolve("sa.pub"),
                "--service-account-signing-key-file=" + pki.resolve("sa.key"),
                "--service-cluster-ip-range=10.0.0.0/24",
                // No controller-manager creates the default ServiceAccount of a namespace, so Pods must not need one.
                "--disable-admission-plugins=ServiceAccount",
                "--endpoint-reconciler-type=none",
                "--allow-privileged=true",
                "--profiling=false",
                "--audit-policy-file=" + workDir.resolve("audit-policy.yaml"),
                "--audit-log-path=" + auditLog(),
                "--audit-log-mode=blocking");
        awaitUp("kube-apiserver", apiServer, logs.resolve("kube-apiserver.log"), deadline,
                () -> Files.isRegularFile(caFile()) && ready());
    }

    private Process launch(Path log, String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        processes.add(process);
        watch(process);
        return process;
    }

    /**
     * A {@code sh} loop that kills {@code process} and removes the work directory once this JVM is gone: a
     * JVM killed with SIGKILL (a timed-out build, an impatient developer) runs no shutdown hook.
     */
    private void watch(Process process) throws IOException {
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 2; done; "
                + "kill -9 " + process.pid() + " 2>/dev/null; rm -rf '" + workDir + "'";
        Process watchdog = new ProcessBuilder("sh", "-c", script)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        processes.add(watchdog);
    }

    private static void awaitUp(String name, Process process, Path log, long deadline, BooleanSupplier up) {
        while (!up.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; its log:\n" + tail(log));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(name + " did not come up in time; its log:\n" + tail(log));
            }
            sleep(POLL);
        }
    }

    /**
     * A client of this server authenticating with {@code token}. The CA file exists once kube-apiserver has
     * written its certificate, shortly before it listens.
     */
    ApiClient client(String token) {
        try {
            return new ClientBuilder().setBasePath(baseUrl()).setCertificateAuthority(Files.readAllBytes(caFile()))
                    .setAuthentication(new AccessTokenAuthentication(token))
                    // Watches are responses held open for minutes.
                    .setReadTimeout(Duration.ZERO).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean ready() {
        Request readyz = new Request.Builder().url(baseUrl() + "/readyz")
                .header("Authorization", "Bearer " + adminToken).build();
        try (Response response = client(adminToken).getHttpClient().newCall(readyz).execute()) {
            return response.code() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static String httpGet(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for etcd", e);
        }
    }

    /** An RSA key pair for signing ServiceAccount tokens: PKCS#8 private key, SubjectPublicKeyInfo public key. */
    private static void writeServiceAccountKeys(Path pki) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(pki.resolve("sa.key"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(pki.resolve("sa.pub"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the control plane", e);
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroyForcibly();
        }
        for (Process process : processes) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("WARNING: could not delete " + workDir + ": " + e.getMessage());
        }
    }
}
