package io.kubezen.watcher.source.cloudevents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The CloudEvents HTTP binding percent-encodes header values outside printable ASCII. Unlike form
 * decoding, {@code +} stays a plus, and a malformed escape is kept as it is rather than rejected.
 */
final class PercentEncoding {

    private PercentEncoding() {
    }

    static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int high = i + 2 < bytes.length && bytes[i] == '%' ? Character.digit(bytes[i + 1], 16) : -1;
            int low = high < 0 ? -1 : Character.digit(bytes[i + 2], 16);
            if (low >= 0) {
                out.write(high * 16 + low);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
