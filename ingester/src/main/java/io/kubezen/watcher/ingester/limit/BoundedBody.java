package io.kubezen.watcher.ingester.limit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Collects a body up to a byte limit and refuses it the moment one more byte arrives, whatever
 * {@code Content-Length} claimed (a sender may omit it, use chunked encoding, or lie). Feed it chunks
 * as they arrive with {@link #append}, or let it drain a stream with {@link #readFrom}. Not thread-safe:
 * one per request.
 */
public final class BoundedBody {

    private static final int CHUNK = 16 * 1024;
    private static final int MAX_INITIAL_CAPACITY = 64 * 1024;

    private final long limit;
    private final Supplier<PayloadTooLargeException> overflow;
    private final ByteArrayOutputStream buffer;

    private BoundedBody(long limit, long expected, Supplier<PayloadTooLargeException> overflow) {
        this.limit = limit;
        this.overflow = overflow;
        // Size the buffer from the declared length, but never let a claim make us allocate much up front.
        this.buffer = new ByteArrayOutputStream((int) Math.min(Math.max(expected, 0), MAX_INITIAL_CAPACITY));
    }

    /**
     * Starts reading a request body for a source.
     *
     * @param contentLength the declared {@code Content-Length}, if any; a declared length over the limit
     *                      is refused before a byte is read
     * @throws PayloadTooLargeException when the declared length already exceeds the limit
     */
    public static BoundedBody forRequest(String source, long maxBodyBytes, OptionalLong contentLength) {
        Supplier<PayloadTooLargeException> overflow = () -> PayloadTooLargeException.body(source, maxBodyBytes);
        if (contentLength.isPresent() && contentLength.getAsLong() > maxBodyBytes) {
            throw overflow.get();
        }
        return new BoundedBody(maxBodyBytes, contentLength.orElse(CHUNK), overflow);
    }

    /**
     * For a body the server has already read whole (within its global request limit): refuses it when it is
     * over the source's own limit.
     *
     * @throws PayloadTooLargeException when {@code length} exceeds the limit
     */
    public static void requireWithin(String source, long maxBodyBytes, long length) {
        if (length > maxBodyBytes) {
            throw PayloadTooLargeException.body(source, maxBodyBytes);
        }
    }

    static BoundedBody forDecompressed(String source, long maxDecompressedBytes) {
        return new BoundedBody(maxDecompressedBytes, CHUNK,
                () -> PayloadTooLargeException.decompressed(source, maxDecompressedBytes));
    }

    /** @throws PayloadTooLargeException when this chunk takes the body past the limit */
    public BoundedBody append(byte[] chunk, int offset, int length) {
        if ((long) buffer.size() + length > limit) {
            throw overflow.get();
        }
        buffer.write(chunk, offset, length);
        return this;
    }

    /** Reads the stream to its end; stops reading as soon as the limit is passed. */
    public BoundedBody readFrom(InputStream in) throws IOException {
        byte[] chunk = new byte[CHUNK];
        int n;
        while ((n = in.read(chunk)) != -1) {
            append(chunk, 0, n);
        }
        return this;
    }

    public byte[] toByteArray() {
        return buffer.toByteArray();
    }
}
