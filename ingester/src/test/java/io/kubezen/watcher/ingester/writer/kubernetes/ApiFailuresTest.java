package io.kubezen.watcher.ingester.writer.kubernetes;

import io.kubernetes.client.openapi.ApiException;
import io.kubezen.watcher.ingester.writer.FailureReason;
import io.kubezen.watcher.ingester.writer.FieldCause;
import io.kubezen.watcher.ingester.writer.WriteResult.Outcome;
import io.kubezen.watcher.ingester.writer.WriteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiFailuresTest {

    private static final String NAME = "falco-0123456789abcdef";

    @Test
    void alreadyExistsCountsAsWritten() {
        WriteResult result = classify(409, Map.of(), status("AlreadyExists", "observations \"" + NAME + "\" already exists"));

        assertThat(result.outcome()).isEqualTo(Outcome.ALREADY_EXISTS);
        assertThat(result.settled()).isTrue();
    }

    @Test
    void otherConflictIsRetried() {
        WriteResult result = classify(409, Map.of(), status("Conflict", "the object has been modified"));

        assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE);
        assertThat(result.reason()).isEqualTo(FailureReason.CONFLICT);
    }

    @Test
    void invalidObjectIsPermanentWithTheServersFieldCauses() {
        String body = """
                {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Invalid","code":422,
                 "message":"Observation.zen.kube-zen.io \\"x\\" is invalid: spec.eventType: Invalid value: \\"Shell\\"",
                 "details":{"name":"x","group":"zen.kube-zen.io","kind":"Observation","causes":[
                   {"reason":"FieldValueInvalid","message":"Invalid value: \\"Shell\\": spec.eventType in body should match '^[a-z0-9_]+$'","field":"spec.eventType"}]}}
                """;

        WriteResult result = classify(422, Map.of(), body);

        assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT);
        assertThat(result.reason()).isEqualTo(FailureReason.INVALID);
        assertThat(result.message()).contains("is invalid");
        assertThat(result.causes()).containsExactly(new FieldCause("spec.eventType", "FieldValueInvalid",
                "Invalid value: \"Shell\": spec.eventType in body should match '^[a-z0-9_]+$'"));
    }

    @ParameterizedTest(name = "HTTP {0} -> {1} {2}")
    @CsvSource({
        "400, PERMANENT, INVALID",
        "401, RETRYABLE, UNAUTHORIZED",
        "403, PERMANENT, FORBIDDEN",
        "404, PERMANENT, NOT_FOUND",
        "405, PERMANENT, REJECTED",
        "413, PERMANENT, INVALID",
        "429, RETRYABLE, THROTTLED",
        "500, RETRYABLE, SERVER_ERROR",
        "503, RETRYABLE, SERVER_ERROR",
        "504, RETRYABLE, TIMEOUT"
    })
    void statusCodesAreClassified(int code, Outcome outcome, FailureReason reason) {
        WriteResult result = classify(code, Map.of(), status("Whatever", "from the server"));

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.message()).isEqualTo("from the server");
    }

    @Test
    void throttledCarriesTheRetryAfterHeader() {
        WriteResult result = classify(429, Map.of("retry-after", List.of("7")), status("TooManyRequests", "slow down"));

        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterFallsBackToTheStatusDetails() {
        String body = "{\"kind\":\"Status\",\"reason\":\"TooManyRequests\",\"details\":{\"retryAfterSeconds\":2}}";

        assertThat(classify(429, Map.of(), body).retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(classify(429, Map.of(), "").retryAfter()).isNull();
    }

    @Test
    void nonJsonBodyFromAProxyStillClassifiesByCode() {
        WriteResult result = classify(502, Map.of(), "<html>Bad Gateway</html>");

        assertThat(result.reason()).isEqualTo(FailureReason.SERVER_ERROR);
        assertThat(result.message()).isEqualTo("HTTP 502");
    }

    @Test
    void networkFailuresAreRetryable() {
        WriteResult timeout = ApiFailures.classify(NAME, new ApiException(new SocketTimeoutException("timeout")));
        WriteResult refused = ApiFailures.classify(NAME, new ApiException(new ConnectException("Connection refused")));

        assertThat(timeout.outcome()).isEqualTo(Outcome.RETRYABLE);
        assertThat(timeout.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(refused.outcome()).isEqualTo(Outcome.RETRYABLE);
        assertThat(refused.reason()).isEqualTo(FailureReason.UNAVAILABLE);
    }

    private static WriteResult classify(int code, Map<String, List<String>> headers, String body) {
        return ApiFailures.classify(NAME, new ApiException(code, headers, body));
    }

    private static String status(String reason, String message) {
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"" + reason
                + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}";
    }
}
