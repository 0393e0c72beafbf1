package io.kubezen.watcher.ingester.auth;

import io.kubezen.watcher.http.ProblemException;
import io.kubezen.watcher.http.ProblemType;

import java.util.Map;

/** 401: the request carries no credentials, or credentials that do not check out. */
public final class UnauthenticatedException extends ProblemException {

    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private UnauthenticatedException(ProblemType type, String source, String field, String detail,
                                     Map<String, String> headers) {
        super(type, detail, source, field, headers);
    }

    /**
     * @param field     the header the credentials travel in, named in the problem
     * @param challenge the {@code WWW-Authenticate} value, or null for modes without an HTTP scheme
     */
    static UnauthenticatedException of(String source, String field, String detail, String challenge) {
        Map<String, String> headers = challenge == null ? Map.of() : Map.of(WWW_AUTHENTICATE, challenge);
        return new UnauthenticatedException(ProblemType.UNAUTHENTICATED, source, field, detail, headers);
    }

    static UnauthenticatedException notConfigured(String source) {
        return new UnauthenticatedException(ProblemType.AUTH_NOT_CONFIGURED, source, null,
                "Source '" + source + "' has no authentication configured, so it refuses every request. Set "
                        + "webhook.auth.mode on its Ingester to bearer, basic, hmac or clientCert, or set "
                        + "webhook.auth.mode: none to accept unauthenticated requests explicitly.",
                Map.of());
    }
}
