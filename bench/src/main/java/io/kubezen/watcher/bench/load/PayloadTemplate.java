package io.kubezen.watcher.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body made of events from {@code bench/payloads}: each event's {@code {{id}}} (placed in a field of
 * the source's fingerprint) is replaced by an id, and a batch is put into the envelope at {@code {{events}}}.
 */
public final class PayloadTemplate {

    private static final Pattern ID = Pattern.compile(Pattern.quote("{{id}}"));
    private static final String EVENTS = "{{events}}";

    private final String event;
    private final String envelope;

    PayloadTemplate(String event, String envelope) {
        if (!event.contains("{{id}}")) {
            throw new IllegalArgumentException("an event template needs an {{id}}");
        }
        if (!envelope.contains(EVENTS)) {
            throw new IllegalArgumentException("an envelope needs {{events}}");
        }
        this.event = event;
        this.envelope = envelope;
    }

    /** Trailing whitespace is dropped, as the wrk script does, so both send the same bytes. */
    public static PayloadTemplate read(Path event, Optional<Path> envelope) throws IOException {
        return new PayloadTemplate(Files.readString(event).stripTrailing(),
                envelope.isPresent() ? Files.readString(envelope.get()).stripTrailing() : EVENTS);
    }

    public byte[] body(List<String> ids) {
        StringBuilder events = new StringBuilder();
        for (String id : ids) {
            if (events.length() > 0) {
                events.append(',');
            }
            events.append(ID.matcher(event).replaceAll(Matcher.quoteReplacement(id)));
        }
        return envelope.replace(EVENTS, events).getBytes(StandardCharsets.UTF_8);
    }
}
