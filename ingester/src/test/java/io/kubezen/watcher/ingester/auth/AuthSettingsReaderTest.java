package io.kubezen.watcher.ingester.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthSettingsReaderTest {

    @Test
    void noAuthSectionMeansUnconfiguredNotNone() {
        assertThat(AuthMaps.read(null).mode()).isNull();
        assertThat(AuthMaps.read(Map.of("allowedCidrs", List.of("10.0.0.0/8"))).mode())
                .isNull();
    }

    @Test
    void readsEveryMode() {
        assertThat(AuthMaps.read(Map.of("mode", "none"))).isEqualTo(AuthSettings.none());
        assertThat(AuthMaps.read(Map.of("mode", "bearer",
                "bearer", Map.of("secretRef", Map.of("env", "FALCO_TOKEN")))))
                .isEqualTo(AuthSettings.bearer(SecretRef.env("FALCO_TOKEN")));
        assertThat(AuthMaps.read(Map.of("mode", "basic",
                "basic", Map.of("username", "am", "secretRef", Map.of("file", "/s/pw")))))
                .isEqualTo(AuthSettings.basic("am", SecretRef.file("/s/pw")));
        assertThat(AuthMaps.read(Map.of("mode", "clientCert",
                "clientCert", Map.of("allowedSubjects", List.of("falcosidekick")))))
                .isEqualTo(AuthSettings.clientCert(List.of("falcosidekick")));
    }

    @Test
    void hmacHeaderAndPrefixDefaultToGithubsAndCanBeChanged() {
        AuthSettings defaults = AuthMaps.read(Map.of("mode", "hmac",
                "hmac", Map.of("secretRef", Map.of("value", "dev-key"))));
        AuthSettings custom = AuthMaps.read(Map.of("mode", "hmac",
                "hmac", Map.of("header", "X-Signature", "prefix", "", "secretRef", Map.of("env", "KEY"))));

        assertThat(defaults.hmac()).isEqualTo(AuthSettings.Hmac.withDefaults(SecretRef.inline("dev-key")));
        assertThat(custom.hmac()).isEqualTo(new AuthSettings.Hmac("X-Signature", "", SecretRef.env("KEY")));
    }

    @Test
    void readsNetworks() {
        AuthSettings settings = AuthMaps.read(Map.of("mode", "none",
                "allowedCidrs", List.of("10.0.0.0/8", "fd00::/8"), "trustedProxyCidrs", List.of("10.96.0.0/12")));

        assertThat(settings.allowedCidrs()).containsExactly(Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/8"));
        assertThat(settings.trustedProxyCidrs()).containsExactly(Cidr.parse("10.96.0.0/12"));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("unknown mode", Map.of("mode", "oauth"),
                        "webhook.auth.mode: unknown auth mode 'oauth', expected one of none, bearer, basic, hmac, clientCert"),
                Arguments.of("mode without its section", Map.of("mode", "bearer"),
                        "webhook.auth.bearer is required when webhook.auth.mode is bearer"),
                Arguments.of("section of another mode", Map.of("mode", "none", "hmac", Map.of()),
                        "webhook.auth.hmac is set but webhook.auth.mode is not hmac"),
                Arguments.of("section without a mode", Map.of("bearer", Map.of("secretRef", Map.of("env", "T"))),
                        "webhook.auth.bearer is set but webhook.auth.mode is not set"),
                Arguments.of("secret reference of unknown kind", Map.of("mode", "bearer",
                        "bearer", Map.of("secretRef", Map.of("vault", "x"))),
                        "webhook.auth.bearer.secretRef.vault: Unrecognized field \"vault\""),
                Arguments.of("secret reference with two kinds", Map.of("mode", "bearer",
                        "bearer", Map.of("secretRef", Map.of("env", "A", "file", "/b"))),
                        "webhook.auth.bearer.secretRef must be exactly one of"),
                Arguments.of("secret reference as a plain string", Map.of("mode", "bearer",
                        "bearer", Map.of("secretRef", "my-token")),
                        "webhook.auth.bearer.secretRef: "),
                Arguments.of("basic without username", Map.of("mode", "basic",
                        "basic", Map.of("secretRef", Map.of("env", "P"))), "webhook.auth.basic.username is required"),
                Arguments.of("client certs without subjects", Map.of("mode", "clientCert", "clientCert", Map.of()),
                        "webhook.auth.clientCert.allowedSubjects needs at least one subject"),
                Arguments.of("bad CIDR names its index", Map.of("mode", "none",
                        "allowedCidrs", List.of("10.0.0.0/8", "10.1.0.0/8")), "webhook.auth.allowedCidrs[1]: "),
                Arguments.of("CIDRs not a list", Map.of("mode", "none", "trustedProxyCidrs", "10.0.0.0/8"),
                        "webhook.auth.trustedProxyCidrs: "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void errorsNameTheKeyToFix(String name, Map<String, ?> auth, String message) {
        assertThatThrownBy(() -> AuthMaps.read(auth))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void errorsNeverEchoAnInlineSecret() {
        assertThatThrownBy(() -> AuthMaps.read(Map.of("mode", "bearer",
                "bearer", Map.of("secretRef", Map.of("value", "hunter2", "env", "X")))))
                .hasMessageNotContaining("hunter2");
    }
}
