package io.kubezen.watcher.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8Test {

    /** 1-, 2- and 3-byte characters, both halves of surrogate pairs, which also occur alone or swapped. */
    private static final char[] ALPHABET = {'a', '\u007f', '\u0080', '\u00e9', '\u07ff', '\u0800', '\u20ac', '\uffff',
            '\ud83d', '\ude00', '\udbff', '\udfff', '\ud800', '\udc00'};

    @Test
    void measuresAndEncodesTextAsStringGetBytesEncodesIt() {
        Random random = new Random(7);
        for (int round = 0; round < 10_000; round++) {
            char[] chars = new char[random.nextInt(24)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            String text = new String(chars);
            byte[] expected = text.getBytes(StandardCharsets.UTF_8);
            byte[] into = new byte[Utf8.MAX_BYTES_PER_CHAR * text.length()];

            assertThat(Utf8.length(text)).as("length of %s", text).isEqualTo(expected.length);
            int written = Utf8.encode(text, into);
            assertThat(Arrays.copyOf(into, written)).as("bytes of %s", text).isEqualTo(expected);
        }
    }
}
