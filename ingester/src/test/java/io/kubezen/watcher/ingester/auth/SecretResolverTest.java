package io.kubezen.watcher.ingester.auth;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretResolverTest {

    private static final String KEY = "webhook.auth.bearer.secretRef";
    private final SecretResolver resolver = new SecretResolver(Map.of("TOKEN", "abc\n", "BLANK", "\n")::get);

    @Test
    void readsEnvironmentVariablesWithoutTheTrailingNewline() {
        assertThat(resolver.resolve(SecretRef.env("TOKEN"), KEY)).isEqualTo("abc");
    }

    @Test
    void inlineValuesAreTheSecret() {
        assertThat(resolver.resolve(SecretRef.inline("dev-token"), KEY)).isEqualTo("dev-token");
    }

    @Test
    void missingAndEmptySecretsNameTheKey() {
        assertThatThrownBy(() -> resolver.resolve(SecretRef.env("NOPE"), KEY))
                .hasMessage(KEY + ": environment variable NOPE is not set");
        assertThatThrownBy(() -> resolver.resolve(SecretRef.env("BLANK"), KEY))
                .hasMessage(KEY + ": the secret behind SecretRef[env=BLANK] is empty");
    }

    @Test
    void toStringNeverShowsAnInlineSecret() {
        SecretRef inline = SecretRef.inline("hunter2");
        AuthSettings settings = AuthSettings.basic("admin", inline).withNetworks(List.of(), List.of());

        assertThat(inline.toString()).isEqualTo("SecretRef[inline=<redacted>]");
        assertThat(settings.toString()).doesNotContain("hunter2").contains("<redacted>");
        assertThat(SecretRef.file("/etc/secret/token")).hasToString("SecretRef[file=/etc/secret/token]");
    }
}
