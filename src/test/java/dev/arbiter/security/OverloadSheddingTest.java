package dev.arbiter.security;

import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.support.Api;
import dev.arbiter.support.HttpServiceTest;

/**
 * The global bound on work in progress: with one slot, a request whose body is still arriving holds it, and the
 * next request is shed at once with 503 and Retry-After instead of waiting without end; health stays reachable.
 * The held request is written byte by byte on a plain socket, so the test controls exactly what the server has seen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "arbiter.security.max-concurrent-requests=1",
        "arbiter.security.max-queue-wait=0s"})
class OverloadSheddingTest extends HttpServiceTest {

    @Test
    void whenEverySlotIsBusyTheNextRequestIsShedWith503() throws Exception {
        String key = keys.create("busy-client", EnumSet.of(Role.DECISION_CLIENT), "test").key();
        Api client = new Api(port, key);
        byte[] body = Api.JSON.writeValueAsString(designExampleRequest()).getBytes(StandardCharsets.UTF_8);
        int half = body.length / 2;

        try (Socket held = new Socket("localhost", port)) {
            held.setSoTimeout(30_000);
            OutputStream out = held.getOutputStream();
            out.write(requestHead(key, body.length));
            out.write(body, 0, half);
            out.flush();

            HttpResponse<String> shed = awaitShed(client, held);
            HttpResponse<String> health = anonymous().get("/actuator/health/liveness");
            out.write(body, half, body.length - half);
            out.flush();

            assertProblem(shed, 503);
            assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(statusLine(held)).as("the held request completes").isEqualTo("HTTP/1.1 200 ");
        }
        assertThat(awaitDecided(client).statusCode()).as("the slot is free again").isEqualTo(200);
    }

    /**
     * The server releases the slot only after the held request's answer went out, so a request sent the moment the
     * client read that answer may still be shed: ask until one is decided (for at most 10 s).
     */
    private static HttpResponse<String> awaitDecided(Api client) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        HttpResponse<String> response;
        do {
            response = client.decide(designExampleRequest());
        } while (response.statusCode() == 503 && System.nanoTime() < deadline);
        return response;
    }

    private static byte[] requestHead(String key, int contentLength) {
        return ("POST " + Api.DECISIONS + " HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + Api.API_KEY_HEADER + ": " + key + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Until the server has dispatched the held request, a request may still find the slot free, so ask until one is
     * shed (for at most 60 s). Fails at once, with what the server said, if it answered the held request early.
     */
    private static HttpResponse<String> awaitShed(Api client, Socket held) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        HttpResponse<String> response;
        do {
            if (held.getInputStream().available() > 0) {
                fail("the server answered the held request before its body was complete: " + statusLine(held));
            }
            response = client.decide(designExampleRequest());
        } while (response.statusCode() != 503 && System.nanoTime() < deadline);
        return response;
    }

    /** @return the status line of the server's answer on {@code socket}, without the reason phrase */
    private static String statusLine(Socket socket) throws IOException {
        String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        return line == null ? "(connection closed)" : line.substring(0, Math.min(line.length(), 13));
    }
}
