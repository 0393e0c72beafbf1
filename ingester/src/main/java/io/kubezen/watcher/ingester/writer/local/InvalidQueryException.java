package io.kubezen.watcher.ingester.writer.local;

import io.kubezen.watcher.http.ProblemException;
import io.kubezen.watcher.http.ProblemType;

import java.util.Map;

/** 400: a query parameter of the read endpoint has no meaning, for example an unknown severity. */
final class InvalidQueryException extends ProblemException {

    InvalidQueryException(String parameter, String detail) {
        super(ProblemType.INVALID_REQUEST, detail, null, parameter, Map.of());
    }
}
