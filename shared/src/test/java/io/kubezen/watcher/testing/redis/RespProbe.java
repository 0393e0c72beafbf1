package io.kubezen.watcher.testing.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends one inline command over a fresh socket and returns the reply. The harness manages servers with this
 * rather than with Lettuce, so a client's reconnect logic never hides whether the server is really up.
 */
final class RespProbe {

    private static final int TIMEOUT_MILLIS = 2_000;

    private RespProbe() {
    }

    /** The first reply line, such as {@code +PONG} or {@code :0}. */
    static String send(int port, String command) throws IOException {
        return exchange(port, command, in -> {
            String reply = in.readLine();
            if (reply == null) {
                throw new IOException("connection closed before a reply to " + command);
            }
            return reply;
        });
    }

    /** The whole reply of a command that answers a bulk string, such as {@code INFO} or {@code CLUSTER INFO}. */
    static String text(int port, String command) throws IOException {
        return exchange(port, command, in -> {
            String header = in.readLine();
            if (header == null || !header.startsWith("$")) {
                throw new IOException(command + " answered " + header);
            }
            // These replies are ASCII, so the bulk length in bytes is also their length in chars.
            char[] body = new char[Integer.parseInt(header.substring(1))];
            int read = 0;
            while (read < body.length) {
                int n = in.read(body, read, body.length - read);
                if (n < 0) {
                    throw new IOException("connection closed inside the reply to " + command);
                }
                read += n;
            }
            return new String(body);
        });
    }

    private static String exchange(int port, String command, Reader reader) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reader.read(new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)));
        }
    }

    private interface Reader {
        String read(BufferedReader in) throws IOException;
    }
}
