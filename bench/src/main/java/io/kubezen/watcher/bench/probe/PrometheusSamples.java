package io.kubezen.watcher.bench.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of a Prometheus text exposition, such as the ingester's {@code /prometheus}. The harness reads
 * the ingester's own counters to check that a run did what it claims (half the events duplicates, none
 * refused), rather than trusting the load generator's view alone.
 */
public final class PrometheusSamples {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Sample> samples;

    record Sample(String name, Map<String, String> labels, double value) {
    }

    PrometheusSamples(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    public static PrometheusSamples scrape(URI endpoint) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(endpoint + " answered " + response.statusCode());
        }
        return parse(response.body());
    }

    static PrometheusSamples parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name = line.substring(0, brace >= 0 ? brace : line.indexOf(' '));
            Map<String, String> labels = brace >= 0 ? labels(line.substring(brace + 1, line.lastIndexOf('}'))) : Map.of();
            samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
        }
        return new PrometheusSamples(samples);
    }

    /** The sum over the samples of {@code name} whose labels include all of {@code match}. */
    public double sum(String name, Map<String, String> match) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name) && sample.labels().entrySet().containsAll(match.entrySet()))
                .mapToDouble(Sample::value)
                .sum();
    }

    /** Label values in our metrics are plain words, so no escaped quotes or commas need handling. */
    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                labels.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim().replaceAll("^\"|\"$", ""));
            }
        }
        return labels;
    }
}
