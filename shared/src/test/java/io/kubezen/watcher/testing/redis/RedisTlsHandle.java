package io.kubezen.watcher.testing.redis;

import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.redis.RedisTlsFiles;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A server that clients must reach over TLS, with a client certificate, as the ACL user {@value #USER} whose
 * password is in a file: the way a managed Redis with in-transit encryption and AUTH is set up. The certificates
 * are made by {@code openssl} for this server alone, valid for {@code 127.0.0.1}. The server also keeps a plain
 * port for the harness's own probes and for {@link #sync()}, which tests use only to look at state.
 */
public final class RedisTlsHandle implements RedisDeployment, AutoCloseable {

    static final String USER = "zw-app";

    private final RedisServerHandle server;
    private final int tlsPort;
    private final Path certs;

    private RedisTlsHandle(RedisServerHandle server, int tlsPort, Path certs) {
        this.server = server;
        this.tlsPort = tlsPort;
        this.certs = certs;
    }

    static RedisTlsHandle start() {
        Path openssl = RedisServers.onPath("openssl").orElseThrow(() -> new IllegalStateException(
                "A test TLS Redis needs openssl on the PATH to make its certificates"));
        try {
            Path certs = Files.createTempDirectory("zw-redis-tls-");
            certificates(openssl.toString(), certs);
            Files.writeString(certs.resolve("password"), "s3cret-" + ProcessHandle.current().pid() + "\n");
            int tlsPort = RedisServers.freeLoopbackPort();
            RedisServerHandle server = RedisServers.start(RedisServerKind.PATH, RedisServerOptions.DEFAULT.with(
                    "tls-port " + tlsPort,
                    "tls-cert-file " + certs.resolve("server.crt"),
                    "tls-key-file " + certs.resolve("server.key"),
                    "tls-ca-cert-file " + certs.resolve("ca.crt"),
                    "tls-auth-clients yes",
                    "user " + USER + " on >" + Files.readString(certs.resolve("password")).strip() + " ~* &* +@all -keys"));
            return new RedisTlsHandle(server, tlsPort, certs);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the test TLS Redis", e);
        }
    }

    @Override
    public RedisConnectionOptions options() {
        return RedisConnectionOptions.of("rediss://127.0.0.1:" + tlsPort)
                .withCredentials(USER, certs.resolve("password"))
                .withTls(new RedisTlsFiles(certs.resolve("ca.crt"), certs.resolve("client.crt"), certs.resolve("client.key")));
    }

    /** Over the plain port, as the default user: for the test's own look at state only. */
    @Override
    public RedisCommands<String, String> sync() {
        return server.sync();
    }

    @Override
    public void flushAll() {
        server.flushAll();
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> files = Files.walk(certs)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + certs, e);
        }
    }

    /** A CA, and a server and a client certificate it signed; keys unencrypted PKCS#8, as Netty reads them. */
    private static void certificates(String openssl, Path dir) throws IOException {
        String d = dir.toString();
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        RedisServers.run(List.of(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=zen-watcher test CA", "-keyout", d + "/ca.key", "-out", d + "/ca.crt"));
        for (String name : List.of("server", "client")) {
            RedisServers.run(List.of(openssl, "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                    "-keyout", d + "/" + name + ".key", "-out", d + "/" + name + ".csr"));
            RedisServers.run(List.of(openssl, "x509", "-req", "-in", d + "/" + name + ".csr", "-CA", d + "/ca.crt",
                    "-CAkey", d + "/ca.key", "-CAcreateserial", "-days", "2", "-extfile", d + "/san.ext",
                    "-out", d + "/" + name + ".crt"));
        }
    }
}
