package io.kubezen.watcher.fingerprint;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.text.Utf8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 (hex) over the source name and a source's fingerprint fields. Each field is hashed as its path
 * and its value in canonical JSON (map keys sorted, so the order a sender used does not matter), and an
 * absent field differs from every present value, so two events only share a fingerprint when every
 * configured field agrees. The input layout is versioned: changing it changes every fingerprint, which
 * resets dedup once across an upgrade.
 */
public final class Fingerprinter {

    private static final String VERSION = "zen-watcher-fingerprint/v1\n";
    private static final String ABSENT = "!absent";
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    /** Looking SHA-256 up in the security providers costs more than hashing a fingerprint's input. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Fingerprinter::sha256);
    /** Every event is fingerprinted: its input is written into one buffer per thread, not into a String per field. */
    private static final ThreadLocal<InputBuffer> INPUT = ThreadLocal.withInitial(InputBuffer::new);

    private final List<FieldPath> fields;
    /** The constant text of the input: the version and source line, then each field's {@code path=}. */
    private final String head;
    private final List<String> labels;

    private Fingerprinter(String source, List<FieldPath> fields) {
        this.fields = fields;
        this.head = VERSION + "source=" + canonical(source) + "\n";
        this.labels = fields.stream().map(path -> path + "=").toList();
    }

    /**
     * @param field where the paths are configured, for errors: {@code spec.dedup.fingerprintFields}
     */
    public static Fingerprinter compile(String source, List<String> paths, String field, ConfigErrors errors) {
        List<FieldPath> fields = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            try {
                fields.add(FieldPath.parse(paths.get(i)));
            } catch (IllegalArgumentException e) {
                errors.add(field + "[" + i + "]", e.getMessage());
            }
        }
        return new Fingerprinter(source, List.copyOf(fields));
    }

    public List<FieldPath> fields() {
        return fields;
    }

    public String fingerprint(ObservationSpec spec) {
        InputBuffer input = INPUT.get();
        input.text.setLength(0);
        input.text.append(head);
        try (JsonGenerator json = input.generator()) {
            for (int i = 0; i < fields.size(); i++) {
                Object value = fields.get(i).resolve(spec);
                json.writeRaw(labels.get(i));
                if (value == FieldPath.ABSENT) {
                    json.writeRaw(ABSENT);
                } else {
                    writeCanonical(json, value);
                }
                json.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MessageDigest sha256 = SHA256.get();
        input.digestInto(sha256);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** A string is written as the mapper writes it; anything else goes through the mapper, for its sorted keys. */
    private static void writeCanonical(JsonGenerator json, Object value) throws IOException {
        if (value instanceof String text) {
            json.writeString(text);
        } else {
            CANONICAL.writeValue(json, value);
        }
    }

    private static String canonical(String value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The input as text, encoded to UTF-8 into a buffer kept with it rather than through a String and its bytes,
     * exactly as {@link String#getBytes} encodes ({@link Utf8}): an unpaired surrogate becomes '?', not an error.
     */
    private static final class InputBuffer extends Writer {

        private final StringBuilder text = new StringBuilder(512);
        private byte[] utf8 = new byte[1024];

        void digestInto(MessageDigest digest) {
            if (utf8.length < Utf8.MAX_BYTES_PER_CHAR * text.length()) {
                utf8 = new byte[Utf8.MAX_BYTES_PER_CHAR * text.length()];
            }
            digest.update(utf8, 0, Utf8.encode(text, utf8));
        }

        JsonGenerator generator() throws IOException {
            JsonGenerator generator = CANONICAL.getFactory().createGenerator(this);
            // Values are separated by the raw text between them, as in the input layout, not by a space.
            generator.setRootValueSeparator(null);
            return generator;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
