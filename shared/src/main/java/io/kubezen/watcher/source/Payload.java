package io.kubezen.watcher.source;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One request body as the HTTP layer hands it over: already size-checked and decompressed.
 *
 * @param contentType the request's {@code Content-Type}, parameters included; null when the sender set none
 * @param headers     request headers a source may read (CloudEvents binary mode reads {@code ce-*}); names
 *                    are matched case-insensitively, as HTTP requires; a {@link HeaderView} is kept as it is,
 *                    any other map is copied
 */
public record Payload(byte[] body, String contentType, Map<String, String> headers) {

    private static final Pattern JSON = Pattern.compile("application/(json|[a-z0-9.!#$&^_-]+\\+json)");

    public Payload {
        Objects.requireNonNull(body, "body");
        if (!(headers instanceof HeaderView)) {
            TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            if (headers != null) {
                caseInsensitive.putAll(headers);
            }
            headers = Collections.unmodifiableMap(caseInsensitive);
        }
    }

    public static Payload json(byte[] body) {
        return new Payload(body, "application/json", Map.of());
    }

    /**
     * True for {@code application/json}, a structured {@code +json} type such as
     * {@code application/cloudevents+json}, or no content type at all (curl's and some senders' habit; the
     * body must parse as JSON anyway). Parameters such as {@code charset} are ignored: the JSON parser detects
     * the encoding. The receiver applies the same rule to refuse a request before reading it.
     */
    public static boolean isJson(String contentType) {
        String type = mediaType(contentType);
        return type.isEmpty() || type.equals("application/json") || JSON.matcher(type).matches();
    }

    /** The media type without parameters, lowercase; empty when no content type was sent. */
    public String mediaType() {
        return mediaType(contentType);
    }

    public boolean isJson() {
        return isJson(contentType);
    }

    /** Rejects bodies a JSON-only source cannot read, before any parsing. */
    public void requireJson() throws UnsupportedContentTypeException {
        if (!isJson()) {
            throw new UnsupportedContentTypeException(contentType, "application/json");
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
