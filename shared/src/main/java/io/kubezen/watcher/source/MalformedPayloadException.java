package io.kubezen.watcher.source;

/** The body is not JSON, is broken JSON, or exceeds the parser's nesting, string or number limits: HTTP 400. */
public final class MalformedPayloadException extends PayloadException {

    public MalformedPayloadException(String message) {
        super(message);
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
