package io.kubezen.watcher.ingester.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.kubezen.watcher.ingester.auth.Requests.certificate;
import static io.kubezen.watcher.ingester.auth.Requests.withCertificate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientCertAuthenticatorTest {

    static Stream<Arguments> matching() {
        return Stream.of(
                Arguments.of("full DN as RFC 2253 prints it", "CN=falcosidekick,OU=security,O=kube-zen"),
                Arguments.of("full DN with other case and spacing", "cn=FalcoSidekick, ou=Security, o=Kube-Zen"),
                Arguments.of("common name", "falcosidekick"),
                Arguments.of("common name in other case", "FalcoSidekick"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matching")
    void acceptsAnAllowedSubject(String name, String allowed) {
        ClientCertAuthenticator authenticator = new ClientCertAuthenticator(List.of("someone-else", allowed));

        assertThatCode(() -> authenticator.authenticate(withCertificate(certificate("falcosidekick"))))
                .doesNotThrowAnyException();
    }

    static Stream<Arguments> notMatching() {
        return Stream.of(
                Arguments.of("other common name", "falcosidekick", "intruder"),
                Arguments.of("DN with a different attribute", "CN=falcosidekick,OU=ops,O=kube-zen", "falcosidekick"),
                Arguments.of("a name cannot match a certificate without CN", "batch", "no-cn"),
                Arguments.of("a prefix of the common name", "falco", "falcosidekick"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notMatching")
    void refusesOtherSubjectsWith403(String name, String allowed, String fixture) {
        ClientCertAuthenticator authenticator = new ClientCertAuthenticator(List.of(allowed));

        assertThatThrownBy(() -> authenticator.authenticate(withCertificate(certificate(fixture))))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("is not in webhook.auth.clientCert.allowedSubjects");
                });
    }

    @Test
    void namesTheRefusedSubject() {
        ClientCertAuthenticator authenticator = new ClientCertAuthenticator(List.of("falcosidekick"));

        assertThatThrownBy(() -> authenticator.authenticate(withCertificate(certificate("intruder"))))
                .hasMessageContaining("'CN=intruder,O=elsewhere'");
    }

    @Test
    void noCertificateIs401() {
        ClientCertAuthenticator authenticator = new ClientCertAuthenticator(List.of("falcosidekick"));

        assertThatThrownBy(() -> authenticator.authenticate(withCertificate(null)))
                .isInstanceOfSatisfying(UnauthenticatedException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("No client certificate");
                });
    }

    @Test
    void malformedDnIsAConfigurationError() {
        assertThatThrownBy(() -> new ClientCertAuthenticator(List.of("CN=a,=b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhook.auth.clientCert.allowedSubjects");
    }
}
