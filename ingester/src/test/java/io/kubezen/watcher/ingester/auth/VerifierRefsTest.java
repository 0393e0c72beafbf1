package io.kubezen.watcher.ingester.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static io.kubezen.watcher.ingester.auth.Requests.withHeaders;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code {sha256: ...}} and {@code {bcrypt: ...}} references the controller projects instead of a Secret's value. */
class VerifierRefsTest {

    private static final SecretResolver NO_ENVIRONMENT = new SecretResolver(name -> null);

    @Test
    void aSha256VerifierAcceptsItsTokenAndNoOther() {
        SourceAuthenticator authenticator = authenticator(Map.of("mode", "bearer", "bearer",
                Map.of("secretRef", Map.of("sha256", hex("old-token") + "\n" + hex("new-token")))));

        assertThatCode(() -> authenticator.authenticate(withHeaders("Authorization", "Bearer new-token")))
                .doesNotThrowAnyException();
        assertThatCode(() -> authenticator.authenticate(withHeaders("Authorization", "Bearer old-token")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> authenticator.authenticate(withHeaders("Authorization", "Bearer " + hex("new-token"))))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void aBcryptVerifierAcceptsItsPasswordAndNoOther() {
        String hash = BCrypt.withDefaults().hashToString(4, "s3cret".toCharArray());
        SourceAuthenticator authenticator = authenticator(Map.of("mode", "basic", "basic",
                Map.of("username", "am", "secretRef", Map.of("bcrypt", hash))));

        assertThatCode(() -> authenticator.authenticate(basic("am", "s3cret"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> authenticator.authenticate(basic("am", hash)))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plain-token", "sha256:abc", "0123"})
    void aSha256ReferenceTakesOnlyDigestsAndNeverEchoesTheValue(String notADigest) {
        assertThatThrownBy(() -> AuthMaps.read(Map.of("mode", "bearer", "bearer",
                Map.of("secretRef", Map.of("sha256", notADigest)))))
                .hasMessage("webhook.auth.bearer.secretRef.sha256 must be SHA-256 digests, 64 hex digits a line");
    }

    @Test
    void aBcryptReferenceTakesOnlyAHash() {
        assertThatThrownBy(() -> AuthMaps.read(Map.of("mode", "basic", "basic",
                Map.of("username", "am", "secretRef", Map.of("bcrypt", "s3cret")))))
                .hasMessage("webhook.auth.basic.secretRef.bcrypt must be a bcrypt hash ($2a$, $2b$ or $2y$)");
    }

    private static SourceAuthenticator authenticator(Map<String, ?> auth) {
        return SourceAuthenticator.create("webhook", AuthMaps.read(auth), NO_ENVIRONMENT);
    }

    private static AuthRequest basic(String user, String password) {
        return withHeaders("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private static String hex(String token) {
        return HexFormat.of().formatHex(Digests.sha256(token));
    }
}
