package io.kubezen.watcher.ingester.auth;

import io.kubezen.watcher.config.AuthMode;
import io.kubezen.watcher.http.ProblemType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.kubezen.watcher.ingester.auth.Requests.SOURCE;
import static io.kubezen.watcher.ingester.auth.Requests.fromPeer;
import static io.kubezen.watcher.ingester.auth.Requests.withHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceAuthenticatorTest {

    private static final String TOKEN = "t0ken-for-falco";
    private static final SecretResolver SECRETS = new SecretResolver(Map.of("FALCO_TOKEN", TOKEN)::get);

    @Test
    void aSourceWithoutAuthRefusesEveryRequestAndSaysHowToFixIt() {
        SourceAuthenticator authenticator = SourceAuthenticator.create(SOURCE, AuthSettings.unconfigured(), SECRETS);

        assertThatThrownBy(() -> authenticator.authenticate(withHeaders("Authorization", "Bearer " + TOKEN)))
                .isInstanceOfSatisfying(UnauthenticatedException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.AUTH_NOT_CONFIGURED);
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage())
                            .contains("'falco' has no authentication configured")
                            .contains("webhook.auth.mode: none");
                    assertThat(e.source()).contains(SOURCE);
                });
    }

    @Test
    void explicitNoneAcceptsAnyone() {
        SourceAuthenticator authenticator = SourceAuthenticator.create(SOURCE, AuthSettings.none(), SECRETS);

        assertThat(authenticator.mode()).contains(AuthMode.NONE);
        assertThatCode(() -> authenticator.authenticate(withHeaders())).doesNotThrowAnyException();
    }

    @Test
    void resolvesTheSecretReference() {
        SourceAuthenticator authenticator = SourceAuthenticator.create(SOURCE,
                AuthSettings.bearer(SecretRef.env("FALCO_TOKEN")), SECRETS);

        assertThatCode(() -> authenticator.authenticate(withHeaders("Authorization", "Bearer " + TOKEN)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> authenticator.authenticate(withHeaders("Authorization", "Bearer nope")))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void anUnresolvableSecretFailsAtCreationNamingTheKey() {
        assertThatThrownBy(() -> SourceAuthenticator.create(SOURCE,
                AuthSettings.hmac(AuthSettings.Hmac.withDefaults(SecretRef.env("MISSING"))), SECRETS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("webhook.auth.hmac.secretRef: environment variable MISSING is not set");
    }

    @Test
    void anAddressOutsideTheAllowlistIs403EvenWithValidCredentials() {
        SourceAuthenticator authenticator = withAllowlist(List.of());

        assertThatThrownBy(() -> authenticator.authenticate(
                fromPeer("198.51.100.9", "Authorization", "Bearer " + TOKEN)))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("198.51.100.9 is not in webhook.auth.allowedCidrs");
                });
    }

    @Test
    void anAllowedAddressStillNeedsValidCredentials() {
        SourceAuthenticator authenticator = withAllowlist(List.of());

        assertThatCode(() -> authenticator.authenticate(fromPeer("192.0.2.10", "Authorization", "Bearer " + TOKEN)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> authenticator.authenticate(fromPeer("192.0.2.10", "Authorization", "Bearer x")))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void theAllowlistSeesThroughTrustedProxiesOnly() {
        SourceAuthenticator authenticator = withAllowlist(List.of(Cidr.parse("10.0.0.0/24")));

        assertThatCode(() -> authenticator.authenticate(fromPeer("10.0.0.2",
                "X-Forwarded-For", "192.0.2.10", "Authorization", "Bearer " + TOKEN))).doesNotThrowAnyException();
        // An untrusted peer claiming to forward an allowed client is judged by its own address.
        assertThatThrownBy(() -> authenticator.authenticate(fromPeer("198.51.100.9",
                "X-Forwarded-For", "192.0.2.10", "Authorization", "Bearer " + TOKEN)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> authenticator.authenticate(fromPeer("10.0.0.2",
                "X-Forwarded-For", "unknown", "Authorization", "Bearer " + TOKEN)))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("cannot be determined");
    }

    private static SourceAuthenticator withAllowlist(List<Cidr> trustedProxies) {
        AuthSettings settings = AuthSettings.bearer(SecretRef.env("FALCO_TOKEN"))
                .withNetworks(List.of(Cidr.parse("192.0.2.0/24")), trustedProxies);
        return SourceAuthenticator.create(SOURCE, settings, SECRETS);
    }
}
