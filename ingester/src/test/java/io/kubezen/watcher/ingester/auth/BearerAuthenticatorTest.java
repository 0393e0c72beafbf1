package io.kubezen.watcher.ingester.auth;

import io.kubezen.watcher.http.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HexFormat;
import java.util.stream.Stream;

import static io.kubezen.watcher.ingester.auth.Requests.withHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerAuthenticatorTest {

    private static final String OLD_TOKEN = "old-token-7f3a";
    private static final String NEW_TOKEN = "new-token-91bc";
    private static final String VERIFIED_TOKEN = "projected-token-55d1";
    private static final String VERIFIER = "sha256:" + HexFormat.of().formatHex(Digests.sha256(VERIFIED_TOKEN));

    private final BearerAuthenticator authenticator =
            new BearerAuthenticator(OLD_TOKEN + "\n" + NEW_TOKEN + "\n\n" + VERIFIER + "\n");

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("first token of several", "Bearer " + OLD_TOKEN),
                Arguments.of("second token (rotation)", "Bearer " + NEW_TOKEN),
                Arguments.of("token matching a sha256 verifier", "Bearer " + VERIFIED_TOKEN),
                Arguments.of("scheme is case-insensitive", "bearer " + NEW_TOKEN),
                Arguments.of("surrounding spaces ignored", "Bearer   " + NEW_TOKEN + " "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptsValidTokens(String name, String authorization) {
        assertThatCode(() -> authenticator.authenticate(withHeaders("Authorization", authorization)))
                .doesNotThrowAnyException();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("wrong token", "Bearer not-the-token", "not valid", true),
                Arguments.of("token prefix only", "Bearer " + NEW_TOKEN.substring(0, 5), "not valid", true),
                Arguments.of("token with extra character", "Bearer " + NEW_TOKEN + "x", "not valid", true),
                Arguments.of("the verifier itself sent as token", "Bearer " + VERIFIER, "not valid", true),
                Arguments.of("empty token", "Bearer ", "not valid", true),
                Arguments.of("basic scheme", "Basic " + NEW_TOKEN, "Bearer scheme", false),
                Arguments.of("token without scheme", NEW_TOKEN, "Bearer scheme", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesInvalidTokensWithChallenge(String name, String authorization, String detail, boolean invalidToken) {
        assertThatThrownBy(() -> authenticator.authenticate(withHeaders("Authorization", authorization)))
                .isInstanceOfSatisfying(UnauthenticatedException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.UNAUTHENTICATED);
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains(detail).doesNotContain(NEW_TOKEN, OLD_TOKEN);
                    assertThat(e.headers().get("WWW-Authenticate")).startsWith("Bearer realm=\"zen-watcher\"");
                    assertThat(e.headers().get("WWW-Authenticate").contains("invalid_token")).isEqualTo(invalidToken);
                    assertThat(e.toProblem().field()).isEqualTo("Authorization");
                });
    }

    @Test
    void missingHeaderIsRefusedWithChallenge() {
        assertThatThrownBy(() -> authenticator.authenticate(withHeaders()))
                .isInstanceOfSatisfying(UnauthenticatedException.class, e -> {
                    assertThat(e.getMessage()).contains("no Authorization header");
                    assertThat(e.headers()).containsEntry("WWW-Authenticate", "Bearer realm=\"zen-watcher\"");
                });
    }

    @Test
    void verifierHexMayBeUpperCase() {
        String upper = "sha256:" + HexFormat.of().withUpperCase().formatHex(Digests.sha256(VERIFIED_TOKEN));

        assertThatCode(() -> new BearerAuthenticator(upper).authenticate(withHeaders("Authorization",
                "Bearer " + VERIFIED_TOKEN))).doesNotThrowAnyException();
    }

    @Test
    void malformedVerifierIsAConfigurationErrorThatDoesNotEchoTheLine() {
        assertThatThrownBy(() -> new BearerAuthenticator("sha256:my-real-token"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhook.auth.bearer.secretRef")
                .hasMessageNotContaining("my-real-token");
    }

    @Test
    void emptySecretIsAConfigurationError() {
        assertThatThrownBy(() -> new BearerAuthenticator(" \n \n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no token");
    }

    @Test
    void tellsVerifiersFromTokens() {
        assertThat(BearerAuthenticator.verifiersOnly(VERIFIER + "\n" + VERIFIER)).isTrue();
        assertThat(BearerAuthenticator.verifiersOnly(VERIFIER + "\n" + NEW_TOKEN)).isFalse();
    }
}
