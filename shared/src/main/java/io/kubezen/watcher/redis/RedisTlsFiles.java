package io.kubezen.watcher.redis;

import java.nio.file.Path;

/**
 * PEM files for a TLS connection ({@code rediss://}), usually mounted from a Secret. Each may be absent: without a
 * CA the JDK's trust store decides, without a certificate and key the client does not authenticate itself.
 *
 * @param caFile   the certificates that may sign the server's certificate
 * @param certFile the client's certificate chain, for servers that require client certificates
 * @param keyFile  the client's private key, unencrypted PKCS#8
 */
public record RedisTlsFiles(Path caFile, Path certFile, Path keyFile) {

    public static final RedisTlsFiles NONE = new RedisTlsFiles(null, null, null);

    public RedisTlsFiles {
        if ((certFile == null) != (keyFile == null)) {
            throw new IllegalArgumentException(RedisConnectionOptions.PREFIX + ".tls.cert-file and "
                    + RedisConnectionOptions.PREFIX + ".tls.key-file must be set together");
        }
    }

    public boolean isEmpty() {
        return caFile == null && certFile == null;
    }
}
