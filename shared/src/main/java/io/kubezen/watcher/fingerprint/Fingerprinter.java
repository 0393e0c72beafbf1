package io.kubezen.watcher.fingerprint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.model.ObservationSpec;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    private final String source;
    private final List<FieldPath> fields;

    private Fingerprinter(String source, List<FieldPath> fields) {
        this.source = source;
        this.fields = fields;
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
        StringBuilder input = new StringBuilder(VERSION).append("source=").append(json(source)).append('\n');
        for (FieldPath path : fields) {
            Object value = path.resolve(spec);
            input.append(path).append('=').append(value == FieldPath.ABSENT ? ABSENT : json(value)).append('\n');
        }
        return HexFormat.of().formatHex(SHA256.get().digest(input.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String json(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
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
