package io.kubezen.watcher.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReaderTest {

    @Test
    void enforcesTheConfiguredNestingDepth() throws MalformedPayloadException {
        JsonReader reader = new JsonReader(3);

        assertThat(reader.read(bytes("[[[1]]]")).get(0).get(0).get(0).asInt()).isEqualTo(1);
        assertThatThrownBy(() -> reader.read(bytes("[[[[1]]]]"))).isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("body is not valid JSON").hasMessageContaining("nesting depth");
    }

    @Test
    void enforcesTheStringLengthLimit() {
        JsonReader reader = new JsonReader(64, 10);

        assertThatThrownBy(() -> reader.read(bytes("{\"a\": \"" + "x".repeat(11) + "\"}")))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("length");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "   ", "{", "{\"a\": 1} trailing", "{'single': 1}", "nul", "[1,]", "\u0000"})
    void rejectsWhatIsNotOneJsonDocumentWith400(String body) {
        assertThatThrownBy(() -> new JsonReader(64).read(bytes(body))).isInstanceOf(MalformedPayloadException.class)
                .satisfies(e -> assertThat(((PayloadException) e).httpStatus()).isEqualTo(400))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(260));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
