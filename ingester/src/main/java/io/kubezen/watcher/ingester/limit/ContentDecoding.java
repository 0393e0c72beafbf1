package io.kubezen.watcher.ingester.limit;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Undoes {@code Content-Encoding}. Only gzip is supported, and its output is capped: a few kilobytes of
 * gzip can expand to gigabytes (a decompression bomb), so decompression stops the moment the output
 * passes {@code maxDecompressedBytes}.
 */
public final class ContentDecoding {

    public static final String CONTENT_ENCODING = "Content-Encoding";
    static final String ACCEPT_ENCODING = "Accept-Encoding";
    static final String SUPPORTED = "gzip, identity";

    private ContentDecoding() {
    }

    /**
     * @param contentEncoding the header value, or null when absent
     * @return the body itself when not encoded, otherwise the decompressed body
     * @throws PayloadTooLargeException       when the decompressed body passes the limit
     * @throws InvalidBodyException           when the body is not valid gzip
     * @throws UnsupportedMediaTypeException  for any coding other than gzip or identity
     */
    public static byte[] decode(String source, byte[] body, String contentEncoding, long maxDecompressedBytes) {
        String coding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        return switch (coding) {
            case "", "identity" -> body;
            case "gzip", "x-gzip" -> gunzip(source, body, maxDecompressedBytes);
            default -> throw UnsupportedMediaTypeException.contentEncoding(source, contentEncoding.trim());
        };
    }

    private static byte[] gunzip(String source, byte[] body, long maxDecompressedBytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return BoundedBody.forDecompressed(source, maxDecompressedBytes).readFrom(in).toByteArray();
        } catch (ZipException | EOFException e) {
            throw new InvalidBodyException(source, CONTENT_ENCODING,
                    "The body is not valid gzip although Content-Encoding says gzip (" + e.getMessage() + ").");
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory does not fail", e);
        }
    }
}
