package io.kubezen.watcher.ingester.receive;

import io.kubezen.watcher.http.ProblemException;
import io.kubezen.watcher.http.ProblemType;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.MalformedPayloadException;
import io.kubezen.watcher.source.PayloadException;
import io.kubezen.watcher.source.UnsupportedContentTypeException;

import java.util.Map;

/** 400, 415 or 422: the body did not parse, had the wrong type, or was not a payload of the source's kind. */
final class PayloadRejectedException extends ProblemException {

    private PayloadRejectedException(ProblemType type, String detail, String source, String field) {
        super(type, detail, source, field, Map.of());
    }

    static PayloadRejectedException of(String source, PayloadException e) {
        if (e instanceof InvalidPayloadException invalid) {
            return new PayloadRejectedException(ProblemType.INVALID_PAYLOAD, e.getMessage(), source, invalid.field());
        }
        if (e instanceof UnsupportedContentTypeException) {
            return new PayloadRejectedException(ProblemType.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), source, null);
        }
        if (e instanceof MalformedPayloadException) {
            return new PayloadRejectedException(ProblemType.INVALID_REQUEST, e.getMessage(), source, null);
        }
        throw new IllegalStateException("unmapped payload exception " + e.getClass().getName(), e);
    }
}
