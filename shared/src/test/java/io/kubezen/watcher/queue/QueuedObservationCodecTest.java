package io.kubezen.watcher.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueuedObservationCodecTest {

    private static final QueuedObservation ENTRY = QueuedObservationFixtures.entries("falco", 1).get(0);

    @Test
    void fieldsRoundTripAndStayReadableForOperators() {
        Map<String, String> fields = QueuedObservationCodec.encode(ENTRY);

        assertThat(fields).containsOnlyKeys("observation", "source", "fingerprint", "firstSeen");
        assertThat(fields.get("observation")).contains("\"severity\":\"high\"", "\"detectedAt\":\"2025-01-01T00:00:00Z\"");
        assertThat(QueuedObservationCodec.decode(fields)).isEqualTo(ENTRY);
    }

    @Test
    void utf8FieldsAreTheTextFieldsEncoded() {
        Map<String, String> text = QueuedObservationCodec.encode(ENTRY);
        Map<String, byte[]> utf8 = QueuedObservationCodec.encodeUtf8(ENTRY);

        assertThat(utf8.keySet()).containsExactlyElementsOf(text.keySet());
        text.forEach((field, value) -> assertThat(new String(utf8.get(field), StandardCharsets.UTF_8))
                .as(field).isEqualTo(value));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shop", "caf\u00e9", "we\"ird", "back\\slash", "new\nline", "tab\tand\u0001"})
    void jsonStringContentBetweenQuotesReadsBackAsTheText(String text) throws Exception {
        String content = QueuedObservationCodec.jsonStringContent(text);

        assertThat(new ObjectMapper().readValue("\"" + content + "\"", String.class)).isEqualTo(text);
    }

    @Test
    void aNamespaceNameIsJsonStringContentAsItIs() {
        String namespace = "kube-system";

        assertThat(QueuedObservationCodec.jsonStringContent(namespace)).isSameAs(namespace);
    }

    @Test
    void unknownJsonFieldsFromNewerVersionsAreIgnored() {
        Map<String, String> fields = new HashMap<>(QueuedObservationCodec.encode(ENTRY));
        fields.put("observation", fields.get("observation").replaceFirst("\\{", "{\"addedLater\":true,"));

        assertThat(QueuedObservationCodec.decode(fields)).isEqualTo(ENTRY);
    }

    @Test
    void malformedEntriesAreRejectedWithTheReason() {
        Map<String, String> missing = new HashMap<>(QueuedObservationCodec.encode(ENTRY));
        missing.remove("fingerprint");
        Map<String, String> badJson = new HashMap<>(QueuedObservationCodec.encode(ENTRY));
        badJson.put("observation", "{not json");
        Map<String, String> badSeverity = new HashMap<>(QueuedObservationCodec.encode(ENTRY));
        badSeverity.put("observation", badSeverity.get("observation").replace("\"high\"", "\"urgent\""));

        assertThatThrownBy(() -> QueuedObservationCodec.decode(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fingerprint'");
        assertThatThrownBy(() -> QueuedObservationCodec.decode(badJson)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed queue entry");
        assertThatThrownBy(() -> QueuedObservationCodec.decode(badSeverity)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown severity");
    }
}
