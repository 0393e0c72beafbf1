package io.kubezen.watcher.ingester.auth;

import io.kubezen.watcher.config.AuthSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;

import static io.kubezen.watcher.ingester.auth.Requests.withBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HmacAuthenticatorTest {

    // The example from GitHub's "Validating webhook deliveries" documentation, an independent vector.
    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String GITHUB_SIGNATURE =
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    private final HmacAuthenticator github = new HmacAuthenticator(AuthSpec.Hmac.DEFAULT_HEADER,
            AuthSpec.Hmac.DEFAULT_PREFIX, SECRET);

    @Test
    void acceptsGithubsDocumentedExample() {
        assertThatCode(() -> github.authenticate(withBody(BODY, "X-Hub-Signature-256", GITHUB_SIGNATURE)))
                .doesNotThrowAnyException();
    }

    static Stream<Arguments> encodings() {
        byte[] mac = mac(SECRET, BODY);
        return Stream.of(
                Arguments.of("lower-case hex", "sha256=" + HexFormat.of().formatHex(mac)),
                Arguments.of("upper-case hex", "sha256=" + HexFormat.of().withUpperCase().formatHex(mac)),
                Arguments.of("base64", "sha256=" + Base64.getEncoder().encodeToString(mac)),
                Arguments.of("base64 without padding", "sha256=" + Base64.getEncoder().withoutPadding().encodeToString(mac)),
                Arguments.of("base64url", "sha256=" + Base64.getUrlEncoder().encodeToString(mac)),
                Arguments.of("prefix in other case", "SHA256=" + HexFormat.of().formatHex(mac)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void acceptsHexAndBase64(String name, String signature) {
        assertThatCode(() -> github.authenticate(withBody(BODY, "x-hub-signature-256", signature)))
                .doesNotThrowAnyException();
    }

    static Stream<Arguments> forged() {
        String hex = HexFormat.of().formatHex(mac(SECRET, BODY));
        return Stream.of(
                Arguments.of("no signature header", null, "no X-Hub-Signature-256 header"),
                Arguments.of("wrong prefix", "sha1=" + hex, "does not start with 'sha256='"),
                Arguments.of("no prefix", hex, "does not start with 'sha256='"),
                Arguments.of("signed with another key", "sha256=" + HexFormat.of().formatHex(mac("guess", BODY)),
                        "does not match the body"),
                Arguments.of("signature of another body", "sha256=" + HexFormat.of().formatHex(
                        mac(SECRET, "Hello, World?".getBytes(StandardCharsets.UTF_8))), "does not match the body"),
                Arguments.of("truncated signature", "sha256=" + hex.substring(0, 40), "neither hex nor base64"),
                Arguments.of("not an encoding", "sha256=zz" + hex.substring(2), "neither hex nor base64"),
                Arguments.of("empty signature", "sha256=", "neither hex nor base64"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forged")
    void refusesMissingWrongAndForgedSignatures(String name, String signature, String detail) {
        AuthRequest request = signature == null ? withBody(BODY) : withBody(BODY, "X-Hub-Signature-256", signature);

        assertThatThrownBy(() -> github.authenticate(request))
                .isInstanceOfSatisfying(UnauthenticatedException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains(detail).doesNotContain(SECRET);
                    assertThat(e.toProblem().field()).isEqualTo("X-Hub-Signature-256");
                    // HMAC has no HTTP authentication scheme to challenge with.
                    assertThat(e.headers()).doesNotContainKey("WWW-Authenticate");
                });
    }

    @Test
    void headerAndPrefixAreConfigurable() {
        HmacAuthenticator custom = new HmacAuthenticator("X-Signature", "", SECRET);
        String bare = HexFormat.of().formatHex(mac(SECRET, BODY));

        assertThatCode(() -> custom.authenticate(withBody(BODY, "X-Signature", bare))).doesNotThrowAnyException();
        assertThatThrownBy(() -> custom.authenticate(withBody(BODY, "X-Hub-Signature-256", "sha256=" + bare)))
                .hasMessageContaining("no X-Signature header");
    }

    private static byte[] mac(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
