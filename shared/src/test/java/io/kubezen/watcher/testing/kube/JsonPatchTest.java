package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonPatchTest {

    private static final String DOC = "{\"spec\":{\"tags\":[\"a\",\"b\"],\"n\":1},\"status\":{}}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[{\"op\":\"add\",\"path\":\"/spec/x\",\"value\":2}]            | {\"spec\":{\"tags\":[\"a\",\"b\"],\"n\":1,\"x\":2},\"status\":{}}",
            "[{\"op\":\"add\",\"path\":\"/spec/tags/1\",\"value\":\"z\"}]   | {\"spec\":{\"tags\":[\"a\",\"z\",\"b\"],\"n\":1},\"status\":{}}",
            "[{\"op\":\"add\",\"path\":\"/spec/tags/-\",\"value\":\"z\"}]   | {\"spec\":{\"tags\":[\"a\",\"b\",\"z\"],\"n\":1},\"status\":{}}",
            "[{\"op\":\"remove\",\"path\":\"/spec/tags/0\"}]                | {\"spec\":{\"tags\":[\"b\"],\"n\":1},\"status\":{}}",
            "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":{\"p\":1}}] | {\"spec\":{\"tags\":[\"a\",\"b\"],\"n\":1},\"status\":{\"p\":1}}",
            "[{\"op\":\"test\",\"path\":\"/spec/n\",\"value\":1},{\"op\":\"remove\",\"path\":\"/spec/n\"}] | {\"spec\":{\"tags\":[\"a\",\"b\"]},\"status\":{}}",
            "[{\"op\":\"move\",\"from\":\"/spec/n\",\"path\":\"/status/n\"}] | {\"spec\":{\"tags\":[\"a\",\"b\"]},\"status\":{\"n\":1}}",
            "[{\"op\":\"copy\",\"from\":\"/spec/n\",\"path\":\"/status/n\"}] | {\"spec\":{\"tags\":[\"a\",\"b\"],\"n\":1},\"status\":{\"n\":1}}"})
    void appliesOperationsInOrder(String patch, String expected) {
        assertThat(JsonPatch.apply(json(DOC), json(patch))).isEqualTo(json(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[{\"op\":\"test\",\"path\":\"/spec/n\",\"value\":2}]        | 422",
            "[{\"op\":\"remove\",\"path\":\"/spec/missing\"}]            | 422",
            "[{\"op\":\"replace\",\"path\":\"/spec/tags/5\",\"value\":1}] | 422",
            "[{\"op\":\"frobnicate\",\"path\":\"/spec\"}]                | 400",
            "{\"op\":\"add\"}                                            | 400"})
    void failedOperationsRejectTheWholePatch(String patch, int code) {
        ApiError error = catchThrowableOfType(ApiError.class, () -> JsonPatch.apply(json(DOC), json(patch)));

        assertThat(error.code()).isEqualTo(code);
    }

    private static JsonNode json(String text) {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}
