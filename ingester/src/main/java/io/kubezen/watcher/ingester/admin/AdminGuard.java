package io.kubezen.watcher.ingester.admin;

import io.kubezen.watcher.ingester.auth.AuthSettings;
import io.kubezen.watcher.ingester.auth.SecretRef;
import io.kubezen.watcher.ingester.auth.SecretResolver;
import io.kubezen.watcher.ingester.auth.SourceAuthenticator;
import io.kubezen.watcher.ingester.auth.micronaut.MicronautAuthRequests;
import io.kubezen.watcher.ingester.http.ProblemException;
import io.kubezen.watcher.ingester.http.ProblemType;
import io.kubezen.watcher.ingester.wiring.AdminProperties;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The admin API's credential: a bearer token checked like a source's, in constant time. Without a configured
 * token the admin API is closed, so a fresh install exposes no way to forget dedup records or replay entries.
 */
@Singleton
public class AdminGuard {

    private static final String REALM = "admin";

    private final SourceAuthenticator authenticator;

    AdminGuard(AdminProperties properties, SecretResolver secrets) {
        this.authenticator = properties.token() == null || properties.token().isBlank() ? null
                : SourceAuthenticator.create(REALM, AuthSettings.bearer(SecretRef.inline(properties.token())), secrets);
    }

    public void check(HttpRequest<?> request) {
        if (authenticator == null) {
            throw new AdminClosedException();
        }
        authenticator.authenticate(MicronautAuthRequests.from(REALM, request, new byte[0]));
    }

    private static final class AdminClosedException extends ProblemException {

        AdminClosedException() {
            super(ProblemType.FORBIDDEN, "The admin API is disabled: set zen-watcher.admin.token "
                    + "(env ZEN_WATCHER_ADMIN_TOKEN) to enable it.", null, null, Map.of());
        }
    }
}
