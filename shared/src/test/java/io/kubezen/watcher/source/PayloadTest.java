package io.kubezen.watcher.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", " Application/JSON ",
            "application/cloudevents+json", "application/merge-patch+json"})
    void readsJsonMediaTypes(String contentType) throws UnsupportedContentTypeException {
        Payload payload = new Payload(new byte[0], contentType, null);

        assertThat(payload.isJson()).isTrue();
        payload.requireJson();
    }

    @Test
    void aMissingContentTypeIsTakenAsJson() {
        assertThat(new Payload(new byte[0], null, null).isJson()).isTrue();
        assertThat(new Payload(new byte[0], null, null).mediaType()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/x-www-form-urlencoded", "text/plain", "text/json", "application/xml",
            "application/jsonx"})
    void rejectsOtherMediaTypesWith415(String contentType) {
        assertThatThrownBy(() -> new Payload(new byte[0], contentType, null).requireJson())
                .isInstanceOf(UnsupportedContentTypeException.class)
                .hasMessage("content type '" + contentType + "' is not supported, expected application/json")
                .extracting(e -> ((PayloadException) e).httpStatus()).isEqualTo(415);
    }

    @Test
    void headerNamesMatchIgnoringCase() {
        Payload payload = new Payload(new byte[0], null, Map.of("Ce-Id", "1"));

        assertThat(payload.headers()).containsEntry("ce-id", "1").containsEntry("CE-ID", "1");
    }
}
