package io.kubezen.watcher.source;

/**
 * A request body that a source cannot turn into events. Parsing throws only these, whatever the input, so
 * the HTTP layer can answer each with its status and never with a 500 for a sender's mistake.
 */
public abstract sealed class PayloadException extends Exception
        permits MalformedPayloadException, InvalidPayloadException, UnsupportedContentTypeException {

    protected PayloadException(String message) {
        super(message, null, false, false);
    }

    /** The HTTP status that reports this problem to the sender. */
    public abstract int httpStatus();
}
