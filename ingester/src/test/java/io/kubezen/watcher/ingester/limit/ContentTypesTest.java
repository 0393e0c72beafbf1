package io.kubezen.watcher.ingester.limit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentTypesTest {

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON",
            "application/cloudevents+json", "application/cloudevents-batch+json; charset=UTF-8",
            "application/vnd.falco.v1+json", "", " "})
    void acceptsJsonAndAMissingType(String contentType) {
        assertThatCode(() -> ContentTypes.requireJson("falco", contentType)).doesNotThrowAnyException();
    }

    @Test
    void noHeaderAtAllIsReadAsJson() {
        assertThat(ContentTypes.isJson(null)).isTrue();
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"text/plain", "text/json", "application/x-www-form-urlencoded", "application/xml",
            "application/x-ndjson", "application/jsonp", "application/+json", "multipart/form-data; boundary=x"})
    void refusesEverythingElseWith415(String contentType) {
        assertThatThrownBy(() -> ContentTypes.requireJson("falco", contentType))
                .isInstanceOfSatisfying(UnsupportedMediaTypeException.class, e -> {
                    assertThat(e.status()).isEqualTo(415);
                    assertThat(e.getMessage()).contains("'" + contentType + "' is not accepted");
                    assertThat(e.toProblem().field()).isEqualTo("Content-Type");
                });
    }
}
