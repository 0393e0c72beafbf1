package io.kubezen.watcher.ingester.limit;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which request content types the receiver reads: JSON, declared as {@code application/json} or a
 * structured {@code +json} type such as {@code application/cloudevents+json}. Parameters such as
 * {@code charset} are ignored; the JSON parser detects the encoding.
 *
 * <p>A request without {@code Content-Type} is read as JSON: several webhook senders omit the header,
 * and the body must parse as JSON anyway, so nothing is gained by refusing it. A declared type that
 * is not JSON ({@code text/plain}, form data) is refused, because it says the sender is sending
 * something else.
 */
public final class ContentTypes {

    public static final String CONTENT_TYPE = "Content-Type";

    private static final Pattern JSON = Pattern.compile("application/(json|[a-z0-9.!#$&^_-]+\\+json)");

    private ContentTypes() {
    }

    /** @throws UnsupportedMediaTypeException when a content type is declared and it is not JSON */
    public static void requireJson(String source, String contentType) {
        if (!isJson(contentType)) {
            throw UnsupportedMediaTypeException.contentType(source, contentType);
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return JSON.matcher(mediaType.toLowerCase(Locale.ROOT)).matches();
    }
}
