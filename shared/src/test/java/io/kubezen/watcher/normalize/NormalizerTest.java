package io.kubezen.watcher.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.DestinationSpec;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationLabels;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.model.Severity;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NormalizerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final Normalizer normalizer = new Normalizer("falco-prod", Category.SECURITY, "falco_alert",
            SeverityResolver.compile(Map.of(), Severity.MEDIUM, "spec.mapping.severityMap", new ConfigErrors()),
            new NamespacePlacement(new DestinationSpec("zen-observations", List.of("prod")), "zen-system"),
            Clock.fixed(NOW, ZoneOffset.UTC), 64);

    @Test
    void appliesTheSharedRulesToEveryPart() {
        Observation observation = normalizer.normalize(ObservationDraft.builder()
                .severity("Warning")
                .eventType("Terminal shell in container")
                .rule("Terminal shell in container")
                .resource(new ResourceRef("v1", "Pod", "web-0", "prod"))
                .title("  Terminal shell  ")
                .detectedAt(Instant.parse("2024-05-01T10:00:00Z"))
                .detail("hostname", "worker-1")
                .label("zen.kube-zen.io/alert-status", "firing now")
                .build());

        assertThat(observation.namespace()).isEqualTo("prod");
        assertThat(observation.spec().source()).isEqualTo("falco-prod");
        assertThat(observation.spec().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(observation.spec().category()).isEqualTo(Category.SECURITY);
        assertThat(observation.spec().eventType()).isEqualTo("terminal_shell_in_container");
        assertThat(observation.spec().title()).isEqualTo("Terminal shell");
        assertThat(observation.spec().detectedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(observation.spec().details()).containsExactly(
                Map.entry("rule", "Terminal shell in container"), Map.entry("hostname", "worker-1"));
        assertThat(observation.labels()).containsOnly(
                Map.entry(ObservationLabels.MANAGED_BY, "zen-watcher"),
                Map.entry(ObservationLabels.SOURCE, "falco-prod"),
                Map.entry(ObservationLabels.CATEGORY, "security"),
                Map.entry(ObservationLabels.SEVERITY, "medium"),
                Map.entry("zen.kube-zen.io/alert-status", "firing-now"));
    }

    @Test
    void usesDefaultsAndRecordsWordsItCouldNotMap() {
        Observation observation = normalizer.normalize(ObservationDraft.builder()
                .severity("sev-9").category("securityish").eventType("!!!").build());

        assertThat(observation.spec().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(observation.spec().category()).isEqualTo(Category.SECURITY);
        assertThat(observation.spec().eventType()).isEqualTo("falco_alert");
        assertThat(observation.spec().detectedAt()).as("no payload time: the clock's").isEqualTo(NOW);
        assertThat(observation.spec().details())
                .containsExactly(Map.entry("unmappedSeverity", "sev-9"), Map.entry("unmappedCategory", "securityish"));
        assertThat(observation.namespace()).isEqualTo("zen-observations");
        assertThat(observation.spec().resource()).isNull();
    }

    @Test
    void acceptsAPerEventCategoryWord() {
        Observation observation = normalizer.normalize(ObservationDraft.builder().category(" Compliance ").build());

        assertThat(observation.spec().category()).isEqualTo(Category.COMPLIANCE);
        assertThat(observation.labels()).containsEntry(ObservationLabels.CATEGORY, "compliance");
        assertThat(observation.spec().details()).isNull();
    }

    @Test
    void boundsLargeDetailsAndRawWithAMarker() throws Exception {
        JsonNode small = JSON.readTree("{\"a\":1}");
        JsonNode large = JSON.readTree("{\"text\":\"" + "x".repeat(100) + "\"}");

        Observation observation = normalizer.normalize(ObservationDraft.builder()
                .detail("small", small).detail("large", large).detail("long", "y".repeat(65)).detail("count", 3L)
                .raw(large).build());

        Map<String, Object> details = observation.spec().details();
        int largeBytes = JSON.writeValueAsBytes(large).length;
        assertThat(details.get("small")).isEqualTo(Map.of("a", 1L));
        assertThat(details.get("large")).isEqualTo(Map.of("truncated", true, "bytes", largeBytes));
        assertThat(details.get("long")).isEqualTo(Map.of("truncated", true, "bytes", 65));
        assertThat(details.get("count")).isEqualTo(3L);
        assertThat(details.get("raw")).isEqualTo(Map.of("truncated", true, "bytes", largeBytes));
    }

    @Test
    void convertsJsonDetailsToPlainOrderedValues() throws Exception {
        JsonNode node = JSON.readTree("{\"z\":[1,2.5,true,null,\"s\"],\"a\":{\"big\":123456789012345678901234567890}}");

        Observation observation = withDefaultBounds().normalize(ObservationDraft.builder().detail("v", node).build());

        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) observation.spec().details().get("v");
        assertThat(value.keySet()).containsExactly("z", "a");
        assertThat(value.get("z")).isEqualTo(Arrays.asList(1L, 2.5, true, null, "s"));
        assertThat(JSON.writeValueAsString(value)).isEqualTo(JSON.writeValueAsString(node));
    }

    @Test
    void cutsOverlongTitlesOnACodePoint() {
        String title = "\uD83D\uDD25".repeat(Normalizer.MAX_TITLE_LENGTH + 10);

        String cut = normalizer.normalize(ObservationDraft.builder().title(title).build()).spec().title();

        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(Normalizer.MAX_TITLE_LENGTH);
        assertThat(cut).endsWith("\u2026");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
    }

    @Test
    void shortensLongEventTypesAndKeepsTheFullOneInDetails() {
        String rule = "Potential Local Privilege Escalation via Environment Variables Misuse";

        Observation observation = withDefaultBounds().normalize(ObservationDraft.builder().eventType(rule).rule(rule).build());

        assertThat(observation.spec().eventType()).isEqualTo(EventTypes.of(rule)).hasSizeLessThanOrEqualTo(63);
        assertThat(observation.spec().details()).containsExactly(Map.entry("rule", rule),
                Map.entry(Normalizer.EVENT_TYPE_FULL, "potential_local_privilege_escalation_via_environment_variables_misuse"));
        assertThat(normalizer.normalize(ObservationDraft.builder().eventType("Short one").build()).spec().details())
                .as("nothing to keep when nothing was shortened").isNull();
    }

    @Test
    void boundsEveryPartThatCarriesPayloadText() throws Exception {
        String huge = "Z".repeat(1 << 20);
        ObservationDraft draft = ObservationDraft.builder().severity(huge).category(huge).eventType(huge).rule(huge)
                .resource(new ResourceRef(huge, huge, huge, huge)).title(huge).description(huge)
                .detail("attributes", Map.of("subject", huge)).label("zen.kube-zen.io/alert-status", huge).build();

        Observation observation = normalizer.normalize(draft);

        assertThat(JSON.writeValueAsBytes(observation.spec()).length).isLessThan(16 * 1024);
        assertThat(observation.spec().resource().name()).hasSize(253).endsWith("-" + ShortNames.hash(huge));
        assertThat(observation.spec().details().get("attributes")).isEqualTo(Map.of("truncated", true,
                "bytes", JSON.writeValueAsBytes(Map.of("subject", huge)).length));
        assertThat(observation.labels().get("zen.kube-zen.io/alert-status")).hasSize(63);
    }

    @Test
    void turnsNumbersTheApiServerCannotReadIntoText() throws Exception {
        JsonNode numbers = JSON.readTree("{\"huge\": " + "9".repeat(400) + ", \"long\": 12345678901234567890123}");

        Observation observation = withDefaultBounds().normalize(ObservationDraft.builder().detail("v", numbers).build());

        assertThat(observation.spec().details().get("v")).isEqualTo(Map.of("huge", "9".repeat(400),
                "long", new BigInteger("12345678901234567890123")));
    }

    @Test
    void timesOutsideTheDateTimeRangeBecomeTheClocks() {
        Instant yearTenThousand = Instant.parse("9999-12-31T23:59:59Z").plusSeconds(1);

        assertThat(normalizer.normalize(ObservationDraft.builder().detectedAt(yearTenThousand).build()).spec().detectedAt())
                .isEqualTo(NOW);
        assertThat(normalizer.normalize(ObservationDraft.builder().detectedAt(Instant.MIN).build()).spec().detectedAt())
                .isEqualTo(NOW);
    }

    @Test
    void theSameDraftGivesAnEqualObservation() {
        ObservationDraft draft = ObservationDraft.builder().severity("high").eventType("x")
                .resource(new ResourceRef(null, null, null, "prod")).detail("k", "v").build();

        assertThat(normalizer.normalize(draft)).isEqualTo(normalizer.normalize(draft));
    }

    private static Normalizer withDefaultBounds() {
        return new Normalizer("s", Category.OPERATIONS, "e",
                SeverityResolver.compile(null, Severity.INFO, "f", new ConfigErrors()), new NamespacePlacement(null, "ns"),
                Clock.fixed(NOW, ZoneOffset.UTC), Normalizer.DEFAULT_MAX_DETAIL_BYTES);
    }
}
