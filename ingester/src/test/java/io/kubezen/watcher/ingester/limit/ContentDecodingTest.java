package io.kubezen.watcher.ingester.limit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentDecodingTest {

    private static final byte[] JSON = "{\"rule\":\"Terminal shell in container\"}".getBytes(StandardCharsets.UTF_8);
    private static final long MIB = LimitSettings.MIB;

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "identity", " Identity "})
    void anUnencodedBodyIsReturnedAsIs(String encoding) {
        assertThat(ContentDecoding.decode("falco", JSON, encoding, MIB)).isSameAs(JSON);
        assertThat(ContentDecoding.decode("falco", JSON, null, MIB)).isSameAs(JSON);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"gzip", "GZIP", "x-gzip", " gzip "})
    void gzipIsDecompressed(String encoding) {
        assertThat(ContentDecoding.decode("falco", gzip(JSON), encoding, MIB)).isEqualTo(JSON);
    }

    @Test
    void aBodyThatDecompressesToExactlyTheLimitIsAccepted() {
        byte[] body = new byte[(int) MIB];

        assertThat(ContentDecoding.decode("falco", gzip(body), "gzip", MIB)).hasSize((int) MIB);
    }

    @Test
    void aGzipBombIsStoppedAtTheLimit() {
        byte[] bomb = gzip(new byte[10 * (int) MIB]);
        assertThat(bomb.length).as("10 MiB of zeros compress to a few KiB").isLessThan(20 * 1024);

        assertThatThrownBy(() -> ContentDecoding.decode("falco", bomb, "gzip", MIB))
                .isInstanceOfSatisfying(PayloadTooLargeException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.getMessage()).isEqualTo("The decompressed size exceeded the limit of 1048576 bytes "
                            + "(webhook.limits.maxDecompressedBytes).");
                });
    }

    static Stream<Arguments> brokenGzip() {
        byte[] valid = gzip(JSON);
        return Stream.of(
                Arguments.of("not gzip at all", JSON),
                Arguments.of("truncated", Arrays.copyOf(valid, valid.length / 2)),
                Arguments.of("corrupt deflate data", corrupt(valid)),
                Arguments.of("empty body", new byte[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenGzip")
    void brokenGzipIsABadRequest(String name, byte[] body) {
        assertThatThrownBy(() -> ContentDecoding.decode("falco", body, "gzip", MIB))
                .isInstanceOfSatisfying(InvalidBodyException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("The body is not valid gzip");
                    assertThat(e.toProblem().field()).isEqualTo("Content-Encoding");
                });
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"br", "deflate", "zstd", "gzip, br"})
    void otherEncodingsAreUnsupportedAndTheResponseSaysWhichAre(String encoding) {
        assertThatThrownBy(() -> ContentDecoding.decode("falco", JSON, encoding, MIB))
                .isInstanceOfSatisfying(UnsupportedMediaTypeException.class, e -> {
                    assertThat(e.status()).isEqualTo(415);
                    assertThat(e.getMessage()).contains("'" + encoding + "' is not supported");
                    assertThat(e.headers()).containsEntry("Accept-Encoding", "gzip, identity");
                });
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] corrupt(byte[] gzip) {
        byte[] copy = gzip.clone();
        // Past the 10-byte header, into the deflate stream.
        for (int i = 10; i < copy.length - 8; i++) {
            copy[i] = (byte) 0xff;
        }
        return copy;
    }
}
