package io.kubezen.watcher.source;

/** Well-formed JSON that is not a valid payload for the source's type: HTTP 422, naming the field. */
public final class InvalidPayloadException extends PayloadException {

    private final String field;

    /**
     * @param field where the problem is, as a path in the payload such as {@code alerts[2].labels}
     */
    public InvalidPayloadException(String field, String problem) {
        super("payload field '" + field + "' " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public int httpStatus() {
        return 422;
    }
}
