package io.kubezen.watcher.ingester.auth.micronaut;

import io.kubezen.watcher.ingester.auth.AuthRequest;
import io.kubezen.watcher.ingester.http.RequestHeaders;
import io.micronaut.http.HttpRequest;

import java.security.cert.X509Certificate;

/** Turns a Micronaut request into the framework-free {@link AuthRequest} the authenticators take. */
public final class MicronautAuthRequests {

    private MicronautAuthRequests() {
    }

    /**
     * @param body the raw body as received; read it with the source's body limit first
     */
    public static AuthRequest from(String source, HttpRequest<?> request, byte[] body) {
        // getRemoteAddress() is the socket peer; X-Forwarded-For is weighed by ClientAddressResolver, not here.
        X509Certificate certificate = request.getCertificate()
                .filter(X509Certificate.class::isInstance)
                .map(X509Certificate.class::cast)
                .orElse(null);
        return new AuthRequest(source, RequestHeaders.view(request.getHeaders()::getAll),
                request.getRemoteAddress().getAddress(), certificate, body);
    }
}
