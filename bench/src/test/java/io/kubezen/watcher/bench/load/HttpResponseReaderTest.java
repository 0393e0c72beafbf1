package io.kubezen.watcher.bench.load;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpResponseReaderTest {

    @Test
    void readsBackToBackResponsesOffOneConnection() throws IOException {
        InputStream in = stream("HTTP/1.1 202 Accepted\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n"
                + "{\"a\":\"bc\"}\n"
                + "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nab\r\n\r\n3;x=y\r\ncde\r\n0\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");

        assertThat(HttpResponseReader.read(in)).isEqualTo(new HttpResponseReader.Response(202, false, false));
        assertThat(HttpResponseReader.read(in)).isEqualTo(new HttpResponseReader.Response(503, false, true));
        assertThat(HttpResponseReader.read(in)).isEqualTo(new HttpResponseReader.Response(200, false, false));
        assertThat(HttpResponseReader.read(in)).isEqualTo(new HttpResponseReader.Response(204, true, false));
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void aConnectionClosedInsideABodyIsAnError() {
        InputStream in = stream("HTTP/1.1 202 Accepted\r\nContent-Length: 10\r\n\r\nshort");

        assertThatThrownBy(() -> HttpResponseReader.read(in)).isInstanceOf(EOFException.class);
    }

    @Test
    void somethingOtherThanHttpIsAnError() {
        assertThatThrownBy(() -> HttpResponseReader.read(stream("-ERR wrong protocol\r\n")))
                .hasMessageContaining("not an HTTP/1.x status line");
    }

    @Test
    void aBodyOfUnknownLengthIsAnError() {
        assertThatThrownBy(() -> HttpResponseReader.read(stream("HTTP/1.1 200 OK\r\n\r\nbody until close")))
                .hasMessageContaining("neither Content-Length nor chunked");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
