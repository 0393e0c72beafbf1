package io.kubezen.watcher.controller.logs.kubernetes;

import io.kubezen.watcher.source.logs.LogsAdapter;
import okhttp3.Call;
import okhttp3.Response;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * One open {@code pods/{name}/log?follow=true} response, read line by line. Lines are cut at a bound (the
 * timestamp plus {@link LogsAdapter#MAX_LINE_CHARS}) and the rest of an overlong line skipped, so one line never
 * takes more memory than that. Closing it from another thread ends a blocked read.
 */
final class LogStream implements AutoCloseable {

    /** An RFC 3339 time with nanoseconds and the space after it. */
    private static final int TIMESTAMP_CHARS = 36;
    static final int MAX_CHARS = TIMESTAMP_CHARS + LogsAdapter.MAX_LINE_CHARS;

    private final Call call;
    private final Response response;
    private final Reader reader;

    LogStream(Call call, Response response) {
        this.call = call;
        this.response = response;
        this.reader = new BufferedReader(new InputStreamReader(response.body().byteStream(), StandardCharsets.UTF_8));
    }

    /** The next line without its line break; null at the end of the stream. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c = reader.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            if (line.length() < MAX_CHARS) {
                line.append((char) c);
            }
            c = reader.read();
        }
        return line.toString();
    }

    @Override
    public void close() {
        call.cancel();
        response.close();
    }
}
