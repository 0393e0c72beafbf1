package io.kubezen.watcher.ingester.limit;

import io.kubezen.watcher.http.ProblemException;
import io.kubezen.watcher.http.ProblemType;

import java.util.Map;

/** 415: a Content-Type or Content-Encoding the ingester does not read. */
public final class UnsupportedMediaTypeException extends ProblemException {

    private UnsupportedMediaTypeException(String source, String field, String detail, Map<String, String> headers) {
        super(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail, source, field, headers);
    }

    static UnsupportedMediaTypeException contentType(String source, String contentType) {
        return new UnsupportedMediaTypeException(source, ContentTypes.CONTENT_TYPE, "Content-Type '" + contentType
                + "' is not accepted; send application/json or application/*+json.", Map.of());
    }

    static UnsupportedMediaTypeException contentEncoding(String source, String encoding) {
        // RFC 9110 15.5.16: say which codings would have worked.
        return new UnsupportedMediaTypeException(source, ContentDecoding.CONTENT_ENCODING, "Content-Encoding '"
                + encoding + "' is not supported; send the body uncompressed or with gzip.",
                Map.of(ContentDecoding.ACCEPT_ENCODING, ContentDecoding.SUPPORTED));
    }
}
