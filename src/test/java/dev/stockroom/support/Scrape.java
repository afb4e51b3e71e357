package dev.stockroom.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One scrape of {@code /actuator/prometheus} (the text format), read as Prometheus reads it: samples by name. */
public record Scrape(List<Sample> samples) {

    /** One line: a series and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern LINE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static Scrape of(Api api) {
        return parse(api.prometheus());
    }

    public static Scrape parse(String text) {
        var samples = text.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(Scrape::sample)
                .toList();
        return new Scrape(samples);
    }

    private static Sample sample(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            throw new AssertionError("not a sample line: " + line);
        }
        var labels = new LinkedHashMap<String, String>();
        if (matcher.group(2) != null) {
            Matcher label = LABEL.matcher(matcher.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(3)));
    }

    /** The names of every series exported. */
    public Set<String> names() {
        return samples.stream().map(Sample::name).collect(Collectors.toSet());
    }

    /** The samples of a name whose labels include all those given ({@code "reason", "invalid_client"}). */
    public List<Sample> of(String name, String... labels) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name))
                .filter(sample -> {
                    for (int i = 0; i + 1 < labels.length; i += 2) {
                        if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                            return false;
                        }
                    }
                    return true;
                })
                .toList();
    }

    /** The sum over those samples; 0 when there is none. */
    public double value(String name, String... labels) {
        return of(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** The values a label takes across a name's samples. */
    public Set<String> labelValues(String name, String label) {
        return of(name).stream()
                .map(sample -> sample.labels().get(label))
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
    }
}
