package io.kubezen.watcher.ingester.auth;

import io.kubezen.watcher.ingester.http.RequestHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds requests for the auth tests. */
final class Requests {

    static final String SOURCE = "falco";
    static final InetAddress PEER = ip("10.1.2.3");

    private Requests() {
    }

    static AuthRequest withHeaders(String... namesAndValues) {
        return new AuthRequest(SOURCE, headers(namesAndValues), PEER, null, new byte[0]);
    }

    static AuthRequest withBody(byte[] body, String... namesAndValues) {
        return new AuthRequest(SOURCE, headers(namesAndValues), PEER, null, body);
    }

    static AuthRequest fromPeer(String peer, String... namesAndValues) {
        return new AuthRequest(SOURCE, headers(namesAndValues), ip(peer), null, new byte[0]);
    }

    static AuthRequest withCertificate(X509Certificate certificate) {
        return new AuthRequest(SOURCE, headers(), PEER, certificate, new byte[0]);
    }

    static RequestHeaders headers(String... namesAndValues) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.computeIfAbsent(namesAndValues[i], n -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return RequestHeaders.of(map);
    }

    static InetAddress ip(String literal) {
        return IpAddresses.parseLiteral(literal).orElseThrow();
    }

    static X509Certificate certificate(String fixture) {
        try (InputStream in = Requests.class.getResourceAsStream("/fixtures/certs/" + fixture + ".pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
