package io.kubezen.watcher.ingester.limit;

import io.kubezen.watcher.source.Payload;

/**
 * Which request content types the receiver reads: JSON by {@link Payload#isJson(String)}, the rule the
 * sources apply too. A request without {@code Content-Type} is read as JSON: several webhook senders omit
 * the header, and the body must parse as JSON anyway, so nothing is gained by refusing it. A declared type
 * that is not JSON ({@code text/plain}, form data) is refused, because it says the sender is sending
 * something else.
 */
public final class ContentTypes {

    public static final String CONTENT_TYPE = "Content-Type";

    private ContentTypes() {
    }

    /** @throws UnsupportedMediaTypeException when a content type is declared and it is not JSON */
    public static void requireJson(String source, String contentType) {
        if (!isJson(contentType)) {
            throw UnsupportedMediaTypeException.contentType(source, contentType);
        }
    }

    static boolean isJson(String contentType) {
        return Payload.isJson(contentType);
    }
}
