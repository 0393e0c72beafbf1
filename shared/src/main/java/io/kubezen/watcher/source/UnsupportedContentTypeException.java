package io.kubezen.watcher.source;

/** The request's content type is not one the source reads: HTTP 415. */
public final class UnsupportedContentTypeException extends PayloadException {

    public UnsupportedContentTypeException(String contentType, String expected) {
        super("content type '" + contentType + "' is not supported, expected " + expected);
    }

    @Override
    public int httpStatus() {
        return 415;
    }
}
