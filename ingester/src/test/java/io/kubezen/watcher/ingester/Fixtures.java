package io.kubezen.watcher.ingester;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The source fixtures of the shared test-jar, as request bodies. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Falco event that differs from every other call's by its rule. */
    public static String falcoEvent(int n) {
        return read("falco/http-output.json").replace("Terminal shell in container", "Terminal shell " + n);
    }
}
