package io.kubezen.watcher.ingester.auth;

import io.kubezen.watcher.ingester.http.RequestHeaders;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * What authentication looks at in one request, independent of the HTTP framework.
 *
 * @param peerAddress       the socket peer (a proxy, when there is one)
 * @param clientCertificate the verified TLS client certificate, or null when TLS did not end here or
 *                          the client sent none
 * @param body              the raw body exactly as received (before any Content-Encoding is decoded),
 *                          which is what HMAC signatures are computed over
 */
public record AuthRequest(
        String source,
        RequestHeaders headers,
        InetAddress peerAddress,
        X509Certificate clientCertificate,
        byte[] body) {

    public AuthRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(peerAddress, "peerAddress");
        Objects.requireNonNull(body, "body");
    }

    public Optional<X509Certificate> certificate() {
        return Optional.ofNullable(clientCertificate);
    }
}
