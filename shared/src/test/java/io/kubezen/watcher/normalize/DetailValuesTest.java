package io.kubezen.watcher.normalize;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DetailValuesTest {

    @Test
    void truncatesTextOverTheBoundByItsUtf8Size() {
        DetailValues values = new DetailValues(8);

        assertThat(values.bounded("\u20ac\u20ac")).isEqualTo("\u20ac\u20ac");
        assertThat(values.bounded("\u20ac\u20ac\u20ac")).isEqualTo(Map.of("truncated", true, "bytes", 9));
    }
}
