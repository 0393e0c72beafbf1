package io.kubezen.watcher.source.logs;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.JsonFields;
import io.kubezen.watcher.source.JsonReader;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.PayloadException;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads one log line and hands it to the first pattern that matches it: one draft, or none for an unmatched line. */
final class LogParser implements EventParser {

    private static final JsonReader READER = new JsonReader(2);

    private final List<LinePattern> patterns;

    LogParser(List<LinePattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    @Override
    public List<ObservationDraft> parse(Payload payload) throws PayloadException {
        payload.requireJson();
        LogLine line = read(JsonFields.requireObject(READER.read(payload.body()), "line"));
        // Matching time grows with the text: lines are cut to a bound first, as the controller's reader does.
        String text = line.text().length() > LogsAdapter.MAX_LINE_CHARS
                ? line.text().substring(0, LogsAdapter.MAX_LINE_CHARS) : line.text();
        for (LinePattern pattern : patterns) {
            Optional<ObservationDraft> draft = pattern.match(line, text);
            if (draft.isPresent()) {
                return List.of(draft.get());
            }
        }
        return List.of();
    }

    /** Unlike the other fields, the text may be empty: a blank line is a line. */
    private static String text(JsonNode node) throws InvalidPayloadException {
        JsonNode text = node.path("text");
        if (!text.isTextual()) {
            throw new InvalidPayloadException("line.text", "is required");
        }
        return text.asText();
    }

    private static LogLine read(JsonNode node) throws InvalidPayloadException {
        Instant time;
        try {
            time = Instant.parse(JsonFields.requireText(node, "time", "line"));
        } catch (DateTimeException e) {
            throw new InvalidPayloadException("line.time", "is not an RFC 3339 time");
        }
        return new LogLine(JsonFields.requireText(node, "namespace", "line"), JsonFields.requireText(node, "pod", "line"),
                JsonFields.requireText(node, "container", "line"), time, text(node));
    }
}
