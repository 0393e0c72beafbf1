package io.kubezen.watcher.queue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The entry format of the dead letters, shared by every implementation: the dead letter's own fields, all
 * named {@code dl.*}, then the original queue fields unchanged. Queue fields never start with {@code dl.}, so
 * the two cannot collide and replay takes back exactly the fields that are not the dead letter's own.
 */
public final class DeadLetterCodec {

    public static final String OWN_FIELD_PREFIX = "dl.";
    public static final String REASON = OWN_FIELD_PREFIX + "reason";
    public static final String DETAIL = OWN_FIELD_PREFIX + "detail";
    public static final String ATTEMPTS = OWN_FIELD_PREFIX + "attempts";
    public static final String ORIGINAL_ID = OWN_FIELD_PREFIX + "originalId";

    /** A reason tags metrics and is matched by operators' queries, so it stays a short lowercase word. */
    private static final Pattern REASON_FORM = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private DeadLetterCodec() {
    }

    /**
     * The stream fields of a dead letter for {@code entry}, in a stable order.
     *
     * @throws IllegalArgumentException when the reason is not a short lowercase word, the attempts are negative or
     *                                  a queue field uses the dead letter's own prefix
     */
    public static Map<String, String> encode(QueueEntry entry, String reason, String detail, int attempts) {
        if (reason == null || !REASON_FORM.matcher(reason).matches()) {
            throw new IllegalArgumentException("dead-letter reason '" + reason
                    + "' must be a lowercase word of at most 32 letters, digits or '_', such as 'invalid'");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(REASON, reason);
        fields.put(DETAIL, detail == null ? "" : detail);
        fields.put(ATTEMPTS, Integer.toString(attempts));
        fields.put(ORIGINAL_ID, entry.id());
        entry.fields().forEach((name, value) -> {
            if (name.startsWith(OWN_FIELD_PREFIX)) {
                throw new IllegalArgumentException("queue entry " + entry.id() + " has a field '" + name
                        + "' that would be taken for the dead letter's own");
            }
            fields.put(name, value);
        });
        return fields;
    }

    /** @throws IllegalArgumentException when the id or one of the dead letter's own fields is malformed */
    public static DeadLetter decode(String id, Map<String, String> fields) {
        Map<String, String> original = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (!name.startsWith(OWN_FIELD_PREFIX)) {
                original.put(name, value);
            }
        });
        try {
            return new DeadLetter(id, EntryId.parse(id).time(), required(fields, REASON), fields.getOrDefault(DETAIL, ""),
                    Integer.parseInt(required(fields, ATTEMPTS)), required(fields, ORIGINAL_ID), original);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dead letter " + id + " has malformed attempts: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("malformed dead letter: no '" + name + "' field");
        }
        return value;
    }
}
