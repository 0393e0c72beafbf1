package io.kubezen.watcher.ingester.writer;

import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.normalize.EventTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ObservationSink} promises the writer: a write creates a readable Observation, a repeated
 * name is ALREADY_EXISTS without a second object, and what can never be written is PERMANENT with the reason
 * and the offending field, so the writer can dead-letter it. Subclasses supply a fresh sink over empty
 * storage in which namespace {@link #NAMESPACE} exists (or, where storage outlives a test, a fresh namespace of
 * {@link #prepareNamespace()}), and a way to read back what it stored.
 */
public abstract class ObservationSinkContract {

    protected static final String NAMESPACE = "apps";

    private ObservationSink sink;
    private String namespace;

    /** A sink over empty storage, guarded by {@code rails}. */
    protected abstract ObservationSink newSink(WriteRails rails) throws Exception;

    /** The Observations stored in {@code namespace}, as (name, spec) pairs, in any order. */
    protected abstract List<Stored> stored(String namespace) throws Exception;

    /** The namespace the tests write into, existing and empty; called before {@link #newSink}. */
    protected String prepareNamespace() throws Exception {
        return NAMESPACE;
    }

    /** The namespace of the running test. */
    protected final String namespace() {
        return namespace;
    }

    /** The seen part of a stored Observation's status; null when it has none. */
    protected abstract SeenStatus status(String namespace, String name) throws Exception;

    public record Stored(String name, ObservationSpec spec) {
    }

    @BeforeEach
    void createSink() throws Exception {
        namespace = prepareNamespace();
        sink = newSink(new WriteRails(WriteRails.DEFAULT_ALLOWED_RESOURCES, List.of(namespace)));
    }

    @Test
    void writeCreatesAReadableObservation() throws Exception {
        ObservationWrite write = TestObservations.write(namespace, "falco", Severity.HIGH, "fp-create");

        WriteResult result = sink.write(write);

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.CREATED);
        assertThat(result.name()).isEqualTo(write.name());
        assertThat(stored(namespace)).containsExactly(new Stored(write.name(), write.observation().spec()));
    }

    @Test
    void sameNameAgainIsAlreadyExistsAndStillOneObject() throws Exception {
        ObservationWrite write = TestObservations.write(namespace, "falco", Severity.HIGH, "fp-again");
        sink.write(write);

        WriteResult again = sink.write(write);

        assertThat(again.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_EXISTS);
        assertThat(again.settled()).isTrue();
        assertThat(stored(namespace)).extracting(Stored::name).containsExactly(write.name());
    }

    @Test
    void batchAnswersEachEntryInOrder() throws Exception {
        ObservationWrite first = TestObservations.write(namespace, "falco", Severity.HIGH, "fp-batch-1");
        ObservationWrite second = TestObservations.write(namespace, "trivy", Severity.LOW, "fp-batch-2");

        List<WriteResult> results = sink.writeAll(List.of(first, second, first));

        assertThat(results).extracting(WriteResult::outcome).containsExactly(
                WriteResult.Outcome.CREATED, WriteResult.Outcome.CREATED, WriteResult.Outcome.ALREADY_EXISTS);
        assertThat(stored(namespace)).extracting(Stored::name).containsExactlyInAnyOrder(first.name(), second.name());
    }

    @Test
    void schemaInvalidObservationIsPermanentAndNamesTheField() throws Exception {
        Observation invalid = TestObservations.observation(namespace, "falco", Severity.HIGH, "Runtime-Threat");
        ObservationWrite write = ObservationWrite.of(invalid, "fp-invalid", TestObservations.FIRST_SEEN);

        WriteResult result = sink.write(write);

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.PERMANENT);
        assertThat(result.reason()).isEqualTo(FailureReason.INVALID);
        assertThat(result.causes()).extracting(FieldCause::field).contains("spec.eventType");
        assertThat(result.message()).contains("spec.eventType");
        assertThat(stored(namespace)).isEmpty();
    }

    @Test
    void eventTypeLongerThanTheCrdAllowsIsPermanent() throws Exception {
        Observation invalid = TestObservations.observation(namespace, "falco", Severity.HIGH, "a".repeat(64));

        WriteResult result = sink.write(ObservationWrite.of(invalid, "fp-long-type", TestObservations.FIRST_SEEN));

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.PERMANENT);
        assertThat(result.reason()).isEqualTo(FailureReason.INVALID);
        assertThat(result.causes()).extracting(FieldCause::field).containsExactly("spec.eventType");
        assertThat(stored(namespace)).isEmpty();
    }

    @Test
    void longRuleNamesAreWrittenInTheirShortenedForm() throws Exception {
        String eventType = EventTypes.of("Potential Local Privilege Escalation via Environment Variables Misuse");
        Observation observation = TestObservations.observation(namespace, "falco", Severity.HIGH, eventType);

        WriteResult result = sink.write(ObservationWrite.of(observation, "fp-shortened", TestObservations.FIRST_SEEN));

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.CREATED);
        assertThat(stored(namespace)).extracting(stored -> stored.spec().eventType()).containsExactly(eventType);
    }

    @Test
    void labelValueTheApiServerRefusesIsPermanent() throws Exception {
        Observation observation = TestObservations.observation(namespace, "falco", Severity.HIGH, "runtime_threat");
        Map<String, String> labels = new HashMap<>(observation.labels());
        labels.put("zen.kube-zen.io/alert-status", "x".repeat(64));
        Observation invalid = new Observation(namespace, labels, observation.spec());

        WriteResult result = sink.write(ObservationWrite.of(invalid, "fp-label", TestObservations.FIRST_SEEN));

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.PERMANENT);
        assertThat(result.reason()).isEqualTo(FailureReason.INVALID);
        assertThat(result.causes()).extracting(FieldCause::field).containsExactly("metadata.labels");
        assertThat(stored(namespace)).isEmpty();
    }

    @Test
    void deniedResourceIsPermanentAndNothingIsWritten() throws Exception {
        ObservationWrite write = TestObservations.write(namespace, "falco", Severity.HIGH, "fp-secret")
                .withDestination(new DestinationResource("", "v1", "Secret", "secrets"));

        WriteResult result = sink.write(write);

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.PERMANENT);
        assertThat(result.reason()).isEqualTo(FailureReason.DENIED);
        assertThat(stored(namespace)).isEmpty();
    }

    @Test
    void namespaceOutsideTheAllowlistIsPermanentlyDenied() {
        WriteResult result = sink.write(TestObservations.write("kube-system", "falco", Severity.HIGH, "fp-ns"));

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.PERMANENT);
        assertThat(result.reason()).isEqualTo(FailureReason.DENIED);
    }

    @Test
    void aCreatedObservationCarriesItsStatus() throws Exception {
        ObservationWrite write = TestObservations.write(namespace, "falco", Severity.HIGH, "fp-status");
        SeenStatus seen = new SeenStatus(write.firstSeen(), write.firstSeen().plusSeconds(4), 3);

        sink.write(write.withStatus(seen));

        assertThat(status(namespace, write.name())).isEqualTo(seen);
    }

    @Test
    void aRedeliveredCreateBringsTheStatusForwardButNeverBack() throws Exception {
        ObservationWrite write = TestObservations.write(namespace, "falco", Severity.HIGH, "fp-redelivered");
        SeenStatus later = new SeenStatus(write.firstSeen(), write.firstSeen().plusSeconds(9), 5);
        sink.write(write);

        WriteResult forward = sink.write(write.withStatus(later));
        WriteResult back = sink.write(write);

        assertThat(forward.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_EXISTS);
        assertThat(back.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_EXISTS);
        assertThat(status(namespace, write.name())).isEqualTo(later);
    }

    @Test
    void aStatusUpdateMovesCountAndLastSeenForwardOnlyAndMeetsNoObservationAsGone() throws Exception {
        ObservationWrite write = TestObservations.write(namespace, "falco", Severity.HIGH, "fp-update");
        sink.write(write);
        Instant first = write.firstSeen();

        WriteResult updated = sink.updateStatus(update(write, new SeenStatus(first, first.plusSeconds(20), 7)));
        WriteResult covered = sink.updateStatus(update(write, new SeenStatus(first, first.plusSeconds(10), 7)));
        WriteResult mixed = sink.updateStatus(update(write, new SeenStatus(first, first.plusSeconds(5), 9)));
        WriteResult gone = sink.updateStatus(new StatusWrite("falco-never-created", namespace,
                DestinationResource.OBSERVATIONS, SeenStatus.once(first)));

        assertThat(List.of(updated, covered, mixed, gone)).extracting(WriteResult::outcome).containsExactly(
                WriteResult.Outcome.UPDATED, WriteResult.Outcome.UNCHANGED, WriteResult.Outcome.UPDATED,
                WriteResult.Outcome.GONE);
        assertThat(List.of(updated, covered, mixed, gone)).allMatch(WriteResult::settled);
        assertThat(status(namespace, write.name())).isEqualTo(new SeenStatus(first, first.plusSeconds(20), 9));
    }

    @Test
    void aStatusUpdateOutsideTheRailsIsDenied() {
        ObservationWrite write = TestObservations.write("elsewhere", "falco", Severity.HIGH, "fp-denied");

        WriteResult result = sink.updateStatus(update(write, SeenStatus.once(write.firstSeen())));

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.PERMANENT);
        assertThat(result.reason()).isEqualTo(FailureReason.DENIED);
    }

    private static StatusWrite update(ObservationWrite write, SeenStatus status) {
        return new StatusWrite(write.name(), write.namespace(), write.destination(), status);
    }
}
