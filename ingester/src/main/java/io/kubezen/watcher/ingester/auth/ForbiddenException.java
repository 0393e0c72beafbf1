package io.kubezen.watcher.ingester.auth;

import io.kubezen.watcher.http.ProblemException;
import io.kubezen.watcher.http.ProblemType;

import java.util.Map;

/** 403: who is asking is known (address or certificate), and they are not allowed for this source. */
public final class ForbiddenException extends ProblemException {

    ForbiddenException(String source, String detail) {
        super(ProblemType.FORBIDDEN, detail, source, null, Map.of());
    }
}
