package io.kubezen.watcher.ingester.limit;

import io.kubezen.watcher.http.ProblemException;
import io.kubezen.watcher.http.ProblemType;

import java.util.Map;

/** 413: the body, as sent or once decompressed, is larger than the source allows. */
public final class PayloadTooLargeException extends ProblemException {

    private PayloadTooLargeException(String source, String detail) {
        super(ProblemType.PAYLOAD_TOO_LARGE, detail, source, null, Map.of());
    }

    static PayloadTooLargeException body(String source, long limit) {
        return new PayloadTooLargeException(source, "The request body exceeds the limit of " + limit
                + " bytes (webhook.limits.maxBodyBytes).");
    }

    static PayloadTooLargeException decompressed(String source, long limit) {
        return new PayloadTooLargeException(source, "The decompressed size exceeded the limit of " + limit
                + " bytes (webhook.limits.maxDecompressedBytes).");
    }
}
