package io.kubezen.watcher.source;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One request body as the HTTP layer hands it over: already size-checked and decompressed.
 *
 * @param contentType the request's {@code Content-Type}, parameters included; null when the sender set none
 * @param headers     request headers a source may read (CloudEvents binary mode reads {@code ce-*}); names
 *                    are matched case-insensitively, as HTTP requires
 */
public record Payload(byte[] body, String contentType, Map<String, String> headers) {

    public Payload {
        Objects.requireNonNull(body, "body");
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            caseInsensitive.putAll(headers);
        }
        headers = Collections.unmodifiableMap(caseInsensitive);
    }

    public static Payload json(byte[] body) {
        return new Payload(body, "application/json", Map.of());
    }

    /** The media type without parameters, lowercase; empty when no content type was sent. */
    public String mediaType() {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    /** True for JSON, {@code application/*+json}, or no content type at all (curl's and some senders' habit). */
    public boolean isJson() {
        String type = mediaType();
        return type.isEmpty() || type.equals("application/json") || type.equals("text/json")
                || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** Rejects bodies a JSON-only source cannot read, before any parsing. */
    public void requireJson() throws UnsupportedContentTypeException {
        if (!isJson()) {
            throw new UnsupportedContentTypeException(contentType, "application/json");
        }
    }
}
