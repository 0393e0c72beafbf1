package io.kubezen.watcher.ingester.limit;

import io.kubezen.watcher.http.ProblemException;
import io.kubezen.watcher.http.ProblemType;

import java.util.Map;

/** 400: the body cannot be read at all, for example gzip that does not decompress. */
public final class InvalidBodyException extends ProblemException {

    InvalidBodyException(String source, String field, String detail) {
        super(ProblemType.INVALID_REQUEST, detail, source, field, Map.of());
    }
}
