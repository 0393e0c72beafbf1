package io.kubezen.watcher.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every fixture payload through its source's pipeline and compares the Observations, as JSON, with
 * the expected ones beside it. Adding a case is adding files; see {@link FixtureCase} for the layout.
 */
class GoldenFixturesTest {

    static List<FixtureCase> cases() {
        return FixtureCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesTheExpectedObservations(FixtureCase fixture) throws Exception {
        PipelineResult result = Fixtures.pipeline(fixture.definition()).process(fixture.payload());

        JsonNode actual = Fixtures.tree(result.accepted().stream().map(IngestedEvent::observation).toList());
        String shown = Fixtures.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual);
        assertThat(fixture.expected()).as("%s is missing; the pipeline produced:%n%s", fixture.expected().getFileName(), shown)
                .exists();
        assertThat(actual).as("the pipeline produced:%n%s", shown)
                .isEqualTo(Fixtures.JSON.readTree(fixture.expected().toFile()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isDeterministic(FixtureCase fixture) throws Exception {
        IngestPipeline pipeline = Fixtures.pipeline(fixture.definition());

        assertThat(pipeline.process(fixture.payload()).accepted())
                .isEqualTo(pipeline.process(fixture.payload()).accepted());
    }
}
