package io.kubezen.watcher.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
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
 * The entry format of the queue, shared by every implementation: the item as JSON in one field, plus small plain
 * fields an operator can read with {@code XRANGE} without decoding JSON. Both kinds of item have four fields, so
 * every entry has the same width; the name of the JSON field says which kind it is ({@code observation} or
 * {@code status}). Unknown JSON fields are ignored, so a writer of an older version can still read entries of a
 * newer receiver.
 */
public final class QueuedObservationCodec {

    public static final String OBSERVATION = "observation";
    public static final String STATUS = "status";
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
    private static final ObjectWriter STATUS_WRITER = JSON.writerFor(StatusJson.class);

    private QueuedObservationCodec() {
    }

    /** The stream fields of an entry, in a stable order. */
    public static Map<String, String> encode(QueueItem item) {
        Map<String, String> fields = new LinkedHashMap<>();
        encodeUtf8(item).forEach((name, value) -> fields.put(name, new String(value, StandardCharsets.UTF_8)));
        return fields;
    }

    /**
     * The fields of {@link #encode} as UTF-8, for a store that sends bytes as they are: the JSON is written
     * straight to bytes, not to a String that the client would encode again.
     */
    public static Map<String, byte[]> encodeUtf8(QueueItem item) {
        Map<String, byte[]> fields = new LinkedHashMap<>();
        try {
            if (item instanceof QueuedObservation entry) {
                fields.put(OBSERVATION, OBSERVATION_WRITER.writeValueAsBytes(entry.observation()));
            } else {
                fields.put(STATUS, STATUS_WRITER.writeValueAsBytes(StatusJson.of((StatusHint) item)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("queue item of " + item.source() + "/" + item.fingerprint()
                    + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        fields.put(SOURCE, item.source().getBytes(StandardCharsets.UTF_8));
        fields.put(FINGERPRINT, item.fingerprint().getBytes(StandardCharsets.UTF_8));
        fields.put(FIRST_SEEN, firstSeen(item).toString().getBytes(StandardCharsets.UTF_8));
        return fields;
    }

    /**
     * The JSON of the {@value #OBSERVATION} field as UTF-8, for a store that writes the other fields itself: the
     * Redis admission script, which learns only in Redis whether the event is new.
     */
    public static byte[] observationUtf8(Observation observation) {
        try {
            return OBSERVATION_WRITER.writeValueAsBytes(observation);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("observation of " + observation.spec().source()
                    + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * {@code text} as it stands between the quotes of a JSON string, for a store that writes a status entry's JSON
     * itself: the Redis admission script, which joins the namespace into it as text. Returned as it is when nothing
     * in it needs escaping, as in every namespace name.
     */
    public static String jsonStringContent(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c == '"' || c == '\\') {
                return new String(JsonStringEncoder.getInstance().quoteAsString(text));
            }
        }
        return text;
    }

    /** @throws IllegalArgumentException when a field is missing or malformed */
    public static QueueItem decode(Map<String, String> fields) {
        try {
            String fingerprint = required(fields, FINGERPRINT);
            Instant firstSeen = Instant.parse(required(fields, FIRST_SEEN));
            String status = fields.get(STATUS);
            if (status != null) {
                return JSON.readValue(status, StatusJson.class).toHint(required(fields, SOURCE), fingerprint, firstSeen);
            }
            return new QueuedObservation(JSON.readValue(required(fields, OBSERVATION), Observation.class), fingerprint,
                    firstSeen);
        } catch (JsonProcessingException | DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("malformed queue entry: " + e.getMessage(), e);
        }
    }

    private static Instant firstSeen(QueueItem item) {
        return item instanceof QueuedObservation entry ? entry.firstSeen() : ((StatusHint) item).firstSeen();
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("malformed queue entry: no '" + name + "' field");
        }
        return value;
    }

    /** The part of a {@link StatusHint} that is not in the plain fields. */
    record StatusJson(String namespace, Instant dueAt, Instant lastSeen, long count) {

        static StatusJson of(StatusHint hint) {
            return new StatusJson(hint.namespace(), hint.dueAt(), hint.lastSeen(), hint.count());
        }

        StatusHint toHint(String source, String fingerprint, Instant firstSeen) {
            return new StatusHint(source, fingerprint, firstSeen, namespace, dueAt, lastSeen, count);
        }
    }
}
