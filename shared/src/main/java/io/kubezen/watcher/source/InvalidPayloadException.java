package io.kubezen.watcher.source;

/** Well-formed JSON that is not a valid payload for the source's type: HTTP 422, naming the field. */
public final class InvalidPayloadException extends PayloadException {

    private final String field;
    private final String problem;

    /**
     * @param field where the problem is, as a path in the payload such as {@code alerts[2].labels}
     */
    public InvalidPayloadException(String field, String problem) {
        super("payload field '" + field + "' " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /**
     * The same problem, for a payload that sits at {@code path} inside another: a Falco alert's {@code rule}
     * is {@code data.rule} of the CloudEvent that carries it.
     */
    public InvalidPayloadException within(String path) {
        return new InvalidPayloadException(JsonFields.join(path, field), problem);
    }

    @Override
    public int httpStatus() {
        return 422;
    }
}
