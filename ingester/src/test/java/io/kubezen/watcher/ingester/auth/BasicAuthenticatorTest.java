package io.kubezen.watcher.ingester.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import static io.kubezen.watcher.ingester.auth.Requests.withHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BasicAuthenticatorTest {

    private static final String USER = "alertmanager";
    private static final String PASSWORD = "correct horse battery";
    // Hashes of PASSWORD made by libxcrypt (the system crypt(3), as htpasswd uses), not by our library.
    private static final String HASH_2A = "$2a$05$J9FW66ZLisrKBuH9Yeu0JeQ/aJx42El4gQeUAKLdhuqPXK.7mkyZa";
    private static final String HASH_2B = "$2b$05$J9FW66ZLisrKBuH9Yeu0JeQ/aJx42El4gQeUAKLdhuqPXK.7mkyZa";
    private static final String HASH_2Y = "$2y$05$J9FW66ZLisrKBuH9Yeu0JeQ/aJx42El4gQeUAKLdhuqPXK.7mkyZa";
    // libxcrypt hash of 80 'x': bcrypt reads only the first 72 bytes.
    private static final String HASH_OF_80_X = "$2b$04$J9FW66ZLisrKBuH9Yeu0Je9f0i.IxicTQaeC5FmHeruy5G6ct7sQ6";

    static Stream<Arguments> configuredPasswords() {
        return Stream.of(
                Arguments.of("plain", PASSWORD),
                Arguments.of("bcrypt $2a$", HASH_2A),
                Arguments.of("bcrypt $2b$", HASH_2B),
                Arguments.of("bcrypt $2y$", HASH_2Y));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configuredPasswords")
    void acceptsTheRightCredentials(String name, String configured) {
        BasicAuthenticator authenticator = new BasicAuthenticator(USER, configured);

        assertThatCode(() -> authenticator.authenticate(basic(USER, PASSWORD))).doesNotThrowAnyException();
        // The second time goes through the remembered digest for bcrypt; it must still pass.
        assertThatCode(() -> authenticator.authenticate(basic(USER, PASSWORD))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configuredPasswords")
    void refusesWrongCredentialsEvenAfterASuccess(String name, String configured) {
        BasicAuthenticator authenticator = new BasicAuthenticator(USER, configured);
        authenticator.authenticate(basic(USER, PASSWORD));

        assertRefused(authenticator, basic(USER, PASSWORD + "!"), "not valid");
        assertRefused(authenticator, basic(USER, PASSWORD.toUpperCase()), "not valid");
        assertRefused(authenticator, basic("someone-else", PASSWORD), "not valid");
        assertRefused(authenticator, basic(USER, ""), "not valid");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("no header", null, "no Authorization header"),
                Arguments.of("bearer scheme", "Bearer abc", "Basic scheme"),
                Arguments.of("not base64", "Basic %%%", "not base64"),
                Arguments.of("no colon", "Basic " + b64("alertmanager"), "not base64 of 'username:password'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesMalformedHeaders(String name, String authorization, String detail) {
        BasicAuthenticator authenticator = new BasicAuthenticator(USER, PASSWORD);
        AuthRequest request = authorization == null ? withHeaders() : withHeaders("Authorization", authorization);

        assertRefused(authenticator, request, detail);
    }

    @Test
    void passwordMayContainColons() {
        BasicAuthenticator authenticator = new BasicAuthenticator(USER, "a:b:c");

        assertThatCode(() -> authenticator.authenticate(basic(USER, "a:b:c"))).doesNotThrowAnyException();
    }

    @Test
    void passwordsLongerThanBcryptReadsAreTruncatedLikeHtpasswd() {
        BasicAuthenticator authenticator = new BasicAuthenticator(USER, HASH_OF_80_X);

        assertThatCode(() -> authenticator.authenticate(basic(USER, "x".repeat(80)))).doesNotThrowAnyException();
        assertThatCode(() -> authenticator.authenticate(basic(USER, "x".repeat(72) + "y"))).doesNotThrowAnyException();
        assertRefused(authenticator, basic(USER, "x".repeat(71)), "not valid");
    }

    @Test
    void malformedBcryptHashIsAConfigurationError() {
        assertThatThrownBy(() -> new BasicAuthenticator(USER, "$2b$05$tooShort"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed")
                .hasMessageNotContaining("tooShort");
    }

    private static void assertRefused(BasicAuthenticator authenticator, AuthRequest request, String detail) {
        assertThatThrownBy(() -> authenticator.authenticate(request))
                .isInstanceOfSatisfying(UnauthenticatedException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains(detail).doesNotContain(PASSWORD);
                    assertThat(e.headers()).containsEntry("WWW-Authenticate", BasicAuthenticator.CHALLENGE);
                });
    }

    private static AuthRequest basic(String user, String password) {
        return withHeaders("Authorization", "Basic " + b64(user + ":" + password));
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
