package io.kubezen.watcher.fingerprint;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.model.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprinterTest {

    private static final List<String> FIELDS = List.of("eventType", "resource.namespace", "details.labels");

    @Test
    void isTheHexSha256OfTheConfiguredFieldsAndTheSameForTheSameInput() {
        Fingerprinter fingerprinter = compile("falco", FIELDS);

        String first = fingerprinter.fingerprint(spec("prod", labels("a", "1", "b", "2")));

        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(fingerprinter.fingerprint(spec("prod", labels("a", "1", "b", "2")))).isEqualTo(first);
    }

    @Test
    void ignoresTheOrderOfMapKeys() {
        Fingerprinter fingerprinter = compile("falco", FIELDS);

        assertThat(fingerprinter.fingerprint(spec("prod", labels("b", "2", "a", "1"))))
                .isEqualTo(fingerprinter.fingerprint(spec("prod", labels("a", "1", "b", "2"))));
    }

    @Test
    void differsWhenAnyConfiguredFieldOrTheSourceDiffers() {
        Fingerprinter falco = compile("falco", FIELDS);
        String base = falco.fingerprint(spec("prod", labels("a", "1")));

        assertThat(falco.fingerprint(spec("staging", labels("a", "1")))).isNotEqualTo(base);
        assertThat(falco.fingerprint(spec("prod", labels("a", "2")))).isNotEqualTo(base);
        assertThat(compile("falco-2", FIELDS).fingerprint(spec("prod", labels("a", "1")))).isNotEqualTo(base);
    }

    @Test
    void anAbsentFieldDiffersFromAnEmptyOne() {
        Fingerprinter fingerprinter = compile("s", List.of("resource.namespace"));

        assertThat(fingerprinter.fingerprint(spec(null, labels()))).isNotEqualTo(fingerprinter.fingerprint(spec("", labels())));
    }

    @Test
    void ignoresFieldsThatAreNotConfigured() {
        Fingerprinter fingerprinter = compile("s", List.of("eventType"));
        ObservationSpec spec = spec("prod", labels("a", "1"));

        assertThat(fingerprinter.fingerprint(spec.withTtlSecondsAfterCreation(60L)))
                .isEqualTo(fingerprinter.fingerprint(spec("other", labels())));
    }

    /** The input layout is a contract: a change to it resets dedup across an upgrade (class comment). */
    @Test
    void hashesTheVersionedLayoutWithEachValueInCanonicalJson() throws Exception {
        Fingerprinter fingerprinter = compile("s\"1", List.of("title", "resource", "details.labels", "description"));
        Map<String, String> labels = labels("z", "1", "a", "tab\there");
        ObservationSpec spec = new ObservationSpec("ignored", Category.OPERATIONS, Severity.LOW, "alert",
                new ResourceRef("v1", "Pod", "web", null), "q\"b\\s\u0001 é 😀 \ud800", null,
                Map.of("labels", labels), null, null, null);

        String input = "zen-watcher-fingerprint/v1\n"
                + "source=\"s\\\"1\"\n"
                + "title=\"q\\\"b\\\\s\\u0001 é 😀 \ud800\"\n"
                + "resource={\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"name\":\"web\"}\n"
                + "details.labels={\"a\":\"tab\\there\",\"z\":\"1\"}\n"
                + "description=!absent\n";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));

        assertThat(fingerprinter.fingerprint(spec)).isEqualTo(HexFormat.of().formatHex(digest));
    }

    /**
     * The input is encoded to UTF-8 without a String in between; on text of every width, lone surrogates and
     * surrogate pairs included, the hash is that of {@link String#getBytes}'s encoding of the same layout.
     */
    @Test
    void encodesTheInputAsStringGetBytesDoes() throws Exception {
        Fingerprinter fingerprinter = compile("s", List.of("title"));
        ObjectMapper json = new ObjectMapper();
        char[] alphabet = {'a', '"', '\\', '\u0001', '\u007f', '\u0080', '\u07ff', '\u0800', '\uffff', '\ud83d',
                '\ude00', '\udbff', '\udfff', '\ud800', '\udc00'};
        Random random = new Random(13);
        for (int round = 0; round < 5_000; round++) {
            char[] title = new char[1 + random.nextInt(40)];
            for (int i = 0; i < title.length; i++) {
                title[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String text = new String(title);
            ObservationSpec spec = new ObservationSpec("ignored", Category.OPERATIONS, Severity.LOW, "alert", null,
                    text, null, null, null, null, null);
            String input = "zen-watcher-fingerprint/v1\nsource=\"s\"\ntitle=" + json.writeValueAsString(text) + "\n";
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));

            assertThat(fingerprinter.fingerprint(spec)).as("title %s", text).isEqualTo(HexFormat.of().formatHex(digest));
        }
    }

    @Test
    void reportsEachBadPathUnderItsIndex() {
        ConfigErrors errors = new ConfigErrors();

        Fingerprinter.compile("s", List.of("rule", "hostname", "details..x"), "spec.dedup.fingerprintFields", errors);

        assertThat(errors.list()).extracting(ConfigError::field)
                .containsExactly("spec.dedup.fingerprintFields[1]", "spec.dedup.fingerprintFields[2]");
    }

    private static Fingerprinter compile(String source, List<String> fields) {
        ConfigErrors errors = new ConfigErrors();
        Fingerprinter fingerprinter = Fingerprinter.compile(source, fields, "spec.dedup.fingerprintFields", errors);
        assertThat(errors.list()).isEmpty();
        return fingerprinter;
    }

    private static Map<String, String> labels(String... keysAndValues) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            labels.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return labels;
    }

    private static ObservationSpec spec(String namespace, Map<String, String> labels) {
        return new ObservationSpec("ignored", Category.OPERATIONS, Severity.LOW, "alert",
                new ResourceRef(null, null, "x", namespace), null, null, Map.of("labels", labels), null, null, null);
    }
}
