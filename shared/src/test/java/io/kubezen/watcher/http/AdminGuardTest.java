package io.kubezen.watcher.http;

import io.kubezen.watcher.wiring.AdminProperties;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AdminGuardTest {

    private final AdminGuard guard = new AdminGuard(new AdminProperties("s3cret"));

    @Test
    void theConfiguredTokenPasses() {
        assertThatCode(() -> guard.check(HttpRequest.GET("/api/v1/x").bearerAuth("s3cret"))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "Authorization: ''{0}''")
    @ValueSource(strings = {"", "Bearer wrong", "Bearer s3cret2", "Basic czNjcmV0", "bearer s3cret"})
    void anyOtherCredentialIsUnauthenticatedWithAnAdminChallenge(String authorization) {
        HttpRequest<?> request = authorization.isEmpty() ? HttpRequest.GET("/api/v1/x")
                : HttpRequest.GET("/api/v1/x").header("Authorization", authorization);

        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> guard.check(request));

        assertThat(refused.type()).isEqualTo(ProblemType.UNAUTHENTICATED);
        assertThat(refused.headers()).containsEntry("WWW-Authenticate", "Bearer realm=\"admin\"");
        assertThat(refused.response(null).body())
                .isEqualTo(new Problem(ProblemType.UNAUTHENTICATED.uri(), "Authentication required", 401,
                        "Send the admin token as 'Authorization: Bearer <token>'.", null, null, null, null));
    }

    @ParameterizedTest(name = "token ''{0}''")
    @ValueSource(strings = {"", "  "})
    void withoutATokenTheAdminApiIsClosed(String token) {
        AdminGuard closed = new AdminGuard(new AdminProperties(token.isEmpty() ? null : token));

        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> closed.check(HttpRequest.GET("/api/v1/x").bearerAuth(token)));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.getMessage()).contains("zen-watcher.admin.token");
    }
}
