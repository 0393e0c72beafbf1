package io.kubezen.watcher.testing.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The samples of one {@code /prometheus} answer in the Prometheus text format, read just far enough to know
 * which series exist, with which label names, and what they add up to. Comment lines ({@code # HELP},
 * {@code # TYPE}) are skipped: a series exists when it has a sample.
 */
public final class PrometheusScrape {

    private static final Pattern SAMPLE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    public static PrometheusScrape parse(String exposition) {
        List<Sample> samples = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(trimmed);
            if (!sample.matches()) {
                throw new IllegalArgumentException("not a sample line: " + line);
            }
            Map<String, String> labels = new TreeMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
        }
        return new PrometheusScrape(samples);
    }

    /** The samples of this scrape and {@code other}, as if one app had exported both. */
    public PrometheusScrape and(PrometheusScrape other) {
        List<Sample> both = new ArrayList<>(samples);
        both.addAll(other.samples);
        return new PrometheusScrape(both);
    }

    /** Every series name with at least one sample. */
    public Set<String> series() {
        Set<String> names = new TreeSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }

    /** The label names any sample of {@code series} carries; empty when it has none or does not exist. */
    public Set<String> labelNames(String series) {
        Set<String> names = new TreeSet<>();
        matching(series, Map.of()).forEach(sample -> names.addAll(sample.labels().keySet()));
        return names;
    }

    /** The sum of the samples of {@code series} whose labels include all of {@code labels}. */
    public double sum(String series, Map<String, String> labels) {
        return matching(series, labels).mapToDouble(Sample::value).sum();
    }

    /** Whether a sample of {@code series} carries all of {@code labels}. */
    public boolean has(String series, Map<String, String> labels) {
        return matching(series, labels).findAny().isPresent();
    }

    private Stream<Sample> matching(String series, Map<String, String> labels) {
        return samples.stream().filter(sample -> sample.name().equals(series)
                && sample.labels().entrySet().containsAll(labels.entrySet()));
    }

    private record Sample(String name, Map<String, String> labels, double value) {
    }
}
