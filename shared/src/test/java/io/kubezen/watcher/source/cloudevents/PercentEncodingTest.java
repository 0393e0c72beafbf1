package io.kubezen.watcher.source.cloudevents;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PercentEncodingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", value = {
            "acme%20corp => acme corp",
            "caf%C3%A9 => café",
            "a+b => a+b",
            "100% => 100%",
            "%zz => %zz",
            "%4 => %4",
            "plain => plain"})
    void decodesEscapesAndKeepsTheRest(String encoded, String decoded) {
        assertThat(PercentEncoding.decode(encoded)).isEqualTo(decoded);
    }
}
