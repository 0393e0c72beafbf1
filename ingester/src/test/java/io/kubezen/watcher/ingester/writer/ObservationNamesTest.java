package io.kubezen.watcher.ingester.writer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ObservationNamesTest {

    private static final Pattern DNS_1123_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    private static final Instant FIRST_SEEN = Instant.parse("2026-03-01T10:15:30.250Z");

    @Test
    void sameRecordAlwaysGetsTheSameName() {
        String name = ObservationNames.of("falco", "abc123", FIRST_SEEN);

        assertThat(ObservationNames.of("falco", "abc123", Instant.parse("2026-03-01T10:15:30.250Z"))).isEqualTo(name);
        assertThat(name).matches("falco-[0-9a-f]{16}");
    }

    @Test
    void newDedupRecordForTheSameFingerprintGetsANewName() {
        assertThat(ObservationNames.of("falco", "abc123", FIRST_SEEN))
                .isNotEqualTo(ObservationNames.of("falco", "abc123", FIRST_SEEN.plusMillis(1)));
    }

    @Test
    void differentFingerprintsGetDifferentNames() {
        assertThat(ObservationNames.of("falco", "abc123", FIRST_SEEN))
                .isNotEqualTo(ObservationNames.of("falco", "abc124", FIRST_SEEN));
    }

    @Test
    void hashDoesNotDependOnTheSource() {
        String falco = ObservationNames.of("falco", "abc123", FIRST_SEEN);
        String audit = ObservationNames.of("kube-audit", "abc123", FIRST_SEEN);

        assertThat(falco.substring(falco.lastIndexOf('-'))).isEqualTo(audit.substring(audit.lastIndexOf('-')));
    }

    @ParameterizedTest(name = "source \"{0}\"")
    @ValueSource(strings = {
        "falco", "Kube_Audit", "--weird..source--", "ÜNICODE-quelle", "", "-", "___",
        "a-very-long-source-name-that-goes-on-and-on-and-on-well-past-sixty-three-characters",
        "a23456789012345678901234567890123456789-dash-at-the-cut"
    })
    void nameIsAValidShortDnsLabelForAnySource(String source) {
        String name = ObservationNames.of(source, "abc123", FIRST_SEEN);

        assertThat(name).hasSizeLessThanOrEqualTo(63).matches(DNS_1123_LABEL);
    }

    @Test
    void sourceIsReadableInTheName() {
        assertThat(ObservationNames.of("Kube_Audit", "abc123", FIRST_SEEN)).startsWith("kube-audit-");
        assertThat(ObservationNames.of("", "abc123", FIRST_SEEN)).startsWith("obs-");
        assertThat(ObservationNames.of(null, "abc123", FIRST_SEEN)).startsWith("obs-");
    }
}
