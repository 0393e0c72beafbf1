package io.kubezen.watcher.normalize;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DetailValuesTest {

    /** 1-, 2- and 3-byte characters, both halves of surrogate pairs, which also occur alone or swapped. */
    private static final char[] ALPHABET = {'a', '\u007f', '\u0080', '\u00e9', '\u07ff', '\u0800', '\u20ac', '\uffff',
            '\ud83d', '\ude00', '\udbff', '\udfff', '\ud800', '\udc00'};

    @Test
    void measuresTextAsStringGetBytesEncodesIt() {
        Random random = new Random(7);
        for (int round = 0; round < 10_000; round++) {
            char[] chars = new char[random.nextInt(24)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            String text = new String(chars);

            assertThat(DetailValues.utf8Length(text)).as("length of %s", text)
                    .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void truncatesTextOverTheBoundByItsUtf8Size() {
        DetailValues values = new DetailValues(8);

        assertThat(values.bounded("\u20ac\u20ac")).isEqualTo("\u20ac\u20ac");
        assertThat(values.bounded("\u20ac\u20ac\u20ac")).isEqualTo(Map.of("truncated", true, "bytes", 9));
    }
}
