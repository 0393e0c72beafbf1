package io.kubezen.watcher.bench.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that POSTs JSON and waits for each answer. A plain socket costs the
 * generator far less CPU per request than a full client, and on a machine whose cores the server under
 * test shares, every cycle the generator spends is taken from the server.
 */
final class HttpConnection implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] headPrefix;
    private boolean closedByServer;

    private HttpConnection(Socket socket, URI target) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.headPrefix = ("POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":"
                + target.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: ")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static HttpConnection open(URI target) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), CONNECT_TIMEOUT_MILLIS);
            return new HttpConnection(socket, target);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends one request and reads its whole answer; returns the status. */
    int post(byte[] body) throws IOException {
        return send(body).status();
    }

    /** Sends one request and reads its whole answer. */
    HttpResponseReader.Response send(byte[] body) throws IOException {
        out.write(headPrefix);
        out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        HttpResponseReader.Response response = HttpResponseReader.read(in);
        closedByServer = response.close();
        return response;
    }

    /** The server announced it closes the connection; the next request needs a new one. */
    boolean closedByServer() {
        return closedByServer;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
