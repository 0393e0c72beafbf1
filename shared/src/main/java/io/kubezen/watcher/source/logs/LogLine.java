package io.kubezen.watcher.source.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a container's log as the API server streams it with {@code timestamps=true}.
 *
 * @param time when the container runtime recorded the line, to the nanosecond
 * @param text the line without its timestamp and line break
 */
public record LogLine(String namespace, String pod, String container, Instant time, String text) {

    /**
     * A line as the log endpoint streams it with {@code timestamps=true}: an RFC 3339 time with up to nine
     * fraction digits, one space, the text.
     *
     * @throws IllegalArgumentException when the line does not start with such a time
     */
    public static LogLine parse(String namespace, String pod, String container, String streamed) {
        int space = streamed.indexOf(' ');
        try {
            return new LogLine(namespace, pod, container, Instant.parse(space < 0 ? streamed : streamed.substring(0, space)),
                    space < 0 ? "" : streamed.substring(space + 1));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("log line does not start with a timestamp", e);
        }
    }

    public LogLine {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(text, "text");
    }
}
