package dev.arbiter.load;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket: writes a complete request, reads the status line, the
 * headers and the body (Content-Length, chunked, or up to the end of the stream) and returns the status. It
 * connects on first use and again after the server closed the connection ({@code Connection: close}, e.g. Tomcat
 * after 100 requests) or after an error. Cheaper per request than {@code java.net.http.HttpClient}, which matters
 * when the generator shares two cores with the service. Not thread-safe: one thread per connection.
 */
final class HttpConnection implements Closeable {

    private static final int SAMPLE_BYTES = 400;

    private final InetSocketAddress address;
    private final int timeoutMillis;
    private final byte[] buffer = new byte[64 * 1024];
    private final StringBuilder line = new StringBuilder(128);
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int position;
    private int limit;
    private String lastErrorBody = "";

    HttpConnection(String host, int port, int timeoutMillis) {
        this.address = new InetSocketAddress(host, port);
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Sends {@code request} and reads the whole response.
     *
     * @return the response status; for a status other than 2xx the start of the body is kept in {@link #lastErrorBody}
     * @throws IOException when connecting, writing or reading fails or times out; the connection is closed then
     */
    int exchange(byte[] request) throws IOException {
        try {
            if (socket == null) {
                connect();
            }
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @return the start of the body of the last response whose status was not 2xx; empty before any */
    String lastErrorBody() {
        return lastErrorBody;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a loopback socket that failed: nothing to do
            }
        }
        socket = null;
        position = 0;
        limit = 0;
    }

    private void connect() throws IOException {
        Socket connected = new Socket();
        connected.setTcpNoDelay(true);
        connected.setSoTimeout(timeoutMillis);
        connected.connect(address, timeoutMillis);
        socket = connected;
        in = connected.getInputStream();
        out = connected.getOutputStream();
    }

    private int readResponse() throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean closes = statusLine.startsWith("HTTP/1.0");
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            String name = colon < 0 ? header : header.substring(0, colon).trim();
            String value = colon < 0 ? "" : header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                closes = value.equalsIgnoreCase("close");
            }
        }
        StringBuilder sample = status / 100 == 2 ? null : new StringBuilder();
        if (chunked) {
            readChunked(sample);
        } else if (contentLength >= 0) {
            skip(contentLength, sample);
        } else {
            skip(Long.MAX_VALUE, sample);
            closes = true;
        }
        if (sample != null) {
            lastErrorBody = status + " " + sample;
        }
        if (closes) {
            close();
        }
        return status;
    }

    private void readChunked(StringBuilder sample) throws IOException {
        while (true) {
            String sizeLine = readLine();
            int extension = sizeLine.indexOf(';');
            long size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers: none expected, read and dropped
                }
                return;
            }
            skip(size, sample);
            readLine();
        }
    }

    /** Reads {@code count} body bytes (or up to the end of the stream when count is Long.MAX_VALUE). */
    private void skip(long count, StringBuilder sample) throws IOException {
        long left = count;
        while (left > 0) {
            if (position == limit && !fill()) {
                if (count == Long.MAX_VALUE) {
                    return;
                }
                throw new EOFException("the response ended " + left + " bytes early");
            }
            int taken = (int) Math.min(left, limit - position);
            if (sample != null && sample.length() < SAMPLE_BYTES) {
                sample.append(new String(buffer, position, Math.min(taken, SAMPLE_BYTES - sample.length()),
                        StandardCharsets.UTF_8));
            }
            position += taken;
            left -= taken;
        }
    }

    private String readLine() throws IOException {
        line.setLength(0);
        while (true) {
            if (position == limit && !fill()) {
                throw new EOFException("the connection closed inside a response");
            }
            byte next = buffer[position++];
            if (next == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) (next & 0xff));
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
