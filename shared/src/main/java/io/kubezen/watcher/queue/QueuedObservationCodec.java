package io.kubezen.watcher.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kubezen.watcher.model.Observation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entry format of the queue, shared by every implementation: the Observation as JSON in one field, plus
 * small plain fields an operator can read with {@code XRANGE} without decoding JSON. Unknown JSON fields are
 * ignored, so a writer of an older version can still read entries of a newer receiver.
 */
public final class QueuedObservationCodec {

    public static final String OBSERVATION = "observation";
    public static final String SOURCE = "source";
    public static final String FINGERPRINT = "fingerprint";
    public static final String FIRST_SEEN = "firstSeen";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();
    private static final ObjectWriter OBSERVATION_WRITER = JSON.writerFor(Observation.class);

    private QueuedObservationCodec() {
    }

    /** The stream fields of an entry, in a stable order. */
    public static Map<String, String> encode(QueuedObservation entry) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            fields.put(OBSERVATION, OBSERVATION_WRITER.writeValueAsString(entry.observation()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("observation of " + entry.source() + "/" + entry.fingerprint()
                    + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        fields.put(SOURCE, entry.source());
        fields.put(FINGERPRINT, entry.fingerprint());
        fields.put(FIRST_SEEN, entry.firstSeen().toString());
        return fields;
    }

    /**
     * The fields of {@link #encode} as UTF-8, for a store that sends bytes as they are: the Observation is
     * written straight to bytes, not to a String that the client would encode again.
     */
    public static Map<String, byte[]> encodeUtf8(QueuedObservation entry) {
        Map<String, byte[]> fields = new LinkedHashMap<>();
        try {
            fields.put(OBSERVATION, OBSERVATION_WRITER.writeValueAsBytes(entry.observation()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("observation of " + entry.source() + "/" + entry.fingerprint()
                    + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        fields.put(SOURCE, entry.source().getBytes(StandardCharsets.UTF_8));
        fields.put(FINGERPRINT, entry.fingerprint().getBytes(StandardCharsets.UTF_8));
        fields.put(FIRST_SEEN, entry.firstSeen().toString().getBytes(StandardCharsets.UTF_8));
        return fields;
    }

    /** @throws IllegalArgumentException when a field is missing or malformed */
    public static QueuedObservation decode(Map<String, String> fields) {
        String json = required(fields, OBSERVATION);
        try {
            return new QueuedObservation(JSON.readValue(json, Observation.class), required(fields, FINGERPRINT),
                    Instant.parse(required(fields, FIRST_SEEN)));
        } catch (JsonProcessingException | DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("malformed queue entry: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("malformed queue entry: no '" + name + "' field");
        }
        return value;
    }
}
