package io.kubezen.watcher.ingester.limit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedBodyTest {

    private static final long LIMIT = 100_000;

    @ParameterizedTest(name = "{0} bytes, Content-Length {1}")
    @CsvSource({"0, 0", "1,", "99999, 99999", "100000, 100000", "100000,"})
    void acceptsBodiesUpToTheLimit(int size, Long contentLength) throws IOException {
        byte[] body = new byte[size];

        byte[] read = BoundedBody.forRequest("falco", LIMIT, optional(contentLength))
                .readFrom(new ByteArrayInputStream(body)).toByteArray();

        assertThat(read).hasSize(size);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        assertThatThrownBy(() -> BoundedBody.forRequest("falco", LIMIT, OptionalLong.of(LIMIT + 1)))
                .isInstanceOfSatisfying(PayloadTooLargeException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.getMessage()).isEqualTo(
                            "The request body exceeds the limit of 100000 bytes (webhook.limits.maxBodyBytes).");
                    assertThat(e.source()).contains("falco");
                });
    }

    @ParameterizedTest(name = "Content-Length {0}")
    @NullSource
    @ValueSource(longs = 10)
    void anEndlessBodyIsCutOffJustPastTheLimitWhateverTheHeaderSays(Long contentLength) {
        CountingEndlessStream endless = new CountingEndlessStream();

        assertThatThrownBy(() -> BoundedBody.forRequest("falco", LIMIT, optional(contentLength)).readFrom(endless))
                .isInstanceOf(PayloadTooLargeException.class);
        // Reading stops at the first chunk that crosses the limit; the rest is never pulled in.
        assertThat(endless.served).isGreaterThan(LIMIT).isLessThanOrEqualTo(LIMIT + 16 * 1024);
    }

    @Test
    void chunksAreCountedAsTheyArrive() {
        BoundedBody body = BoundedBody.forRequest("falco", 10, OptionalLong.empty());
        byte[] chunk = "0123456789abcdef".getBytes();

        body.append(chunk, 0, 6).append(chunk, 6, 4);

        assertThat(new String(body.toByteArray())).isEqualTo("0123456789");
        assertThatThrownBy(() -> body.append(chunk, 10, 1)).isInstanceOf(PayloadTooLargeException.class);
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** Serves zeros forever, counting what was read. */
    private static final class CountingEndlessStream extends InputStream {

        long served;

        @Override
        public int read() {
            served++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            served += len;
            return len;
        }
    }
}
