package io.kubezen.watcher.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Parses request bodies into JSON trees within limits, so that a hostile body costs a 400 and never a
 * stack overflow or a huge allocation. One instance per source: the nesting limit is configurable per source.
 */
public final class JsonReader {

    /** Longer strings are not events but attacks or mistakes; this still holds a large Falco output. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 1 << 20;
    static final int MAX_NAME_LENGTH = 4096;
    private static final int MAX_MESSAGE_LENGTH = 200;

    private final ObjectMapper mapper;

    public JsonReader(int maxNestingDepth) {
        this(maxNestingDepth, DEFAULT_MAX_STRING_LENGTH);
    }

    public JsonReader(int maxNestingDepth, int maxStringLength) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth)
                        .maxStringLength(maxStringLength)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public JsonNode read(byte[] body) throws MalformedPayloadException {
        return read(body, "body");
    }

    /** Parses one JSON document; {@code what} names it in the error, for example {@code data}. */
    public JsonNode read(byte[] body, String what) throws MalformedPayloadException {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (IOException e) {
            throw new MalformedPayloadException(what + " is not valid JSON: " + reason(e));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new MalformedPayloadException(what + " is empty, expected JSON");
        }
        return tree;
    }

    // Jackson's messages carry a source excerpt on later lines; the sender needs only the reason.
    private static String reason(IOException e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        String line = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        return line.length() <= MAX_MESSAGE_LENGTH ? line : line.substring(0, MAX_MESSAGE_LENGTH) + "...";
    }
}
