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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.support.Api;
import dev.arbiter.support.HttpServiceTest;

/**
 * The global bound on work in progress: with one slot, a request whose body is still arriving holds it, and the
 * next request is shed at once with 503 and Retry-After instead of waiting without end; health stays reachable.
 * The held request is written on a plain socket, so the test controls exactly what the server has seen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "arbiter.security.max-concurrent-requests=1",
        "arbiter.security.max-queue-wait=0s"})
class OverloadSheddingTest extends HttpServiceTest {

    private static final long DEADLINE_SECONDS = 60;

    /** What one attempt saw: the shed answer, health meanwhile, and how the held request ended. */
    private record Attempt(HttpResponse<String> shed, HttpResponse<String> health, String heldStatus) {
    }

    @Test
    void whenEverySlotIsBusyTheNextRequestIsShedWith503() throws Exception {
        String key = keys.create("busy-client", EnumSet.of(Role.DECISION_CLIENT), "test").key();
        Api client = new Api(port, key);

        Attempt attempt = holdTheSlotAndAskAgain(client, key);

        assertProblem(attempt.shed(), 503);
        assertThat(attempt.shed().headers().firstValue("Retry-After")).hasValue("1");
        assertThat(attempt.health().statusCode()).isEqualTo(200);
        assertThat(attempt.heldStatus()).as("the held request completes").isEqualTo("HTTP/1.1 200 ");
        assertThat(awaitDecided(client).statusCode()).as("the slot is free again").isEqualTo(200);
    }

    /**
     * Starts a request, sends half its body, asks with other requests until one is shed, checks health, sends the
     * rest and reads how the held request ended. The server may dispatch the held request while one of the asking
     * requests still has the slot (it is released only after that answer went out); the held request is then shed
     * itself, and the attempt is repeated with a new one (for at most {@value #DEADLINE_SECONDS} s).
     */
    private Attempt holdTheSlotAndAskAgain(Api client, String key) throws IOException {
        byte[] body = Api.JSON.writeValueAsString(designExampleRequest()).getBytes(StandardCharsets.UTF_8);
        int half = body.length / 2;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        List<String> heldAnswers = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            try (Socket held = new Socket("localhost", port)) {
                held.setSoTimeout(30_000);
                OutputStream out = held.getOutputStream();
                out.write(requestHead(key, body.length));
                out.write(body, 0, half);
                out.flush();
                HttpResponse<String> shed = askUntilShed(client, held, deadline);
                if (shed == null) {
                    heldAnswers.add(statusLine(held));
                    continue;
                }
                HttpResponse<String> health = anonymous().get("/actuator/health/liveness");
                out.write(body, half, body.length - half);
                out.flush();
                String heldStatus = statusLine(held);
                if (heldStatus.equals("HTTP/1.1 200 ")) {
                    return new Attempt(shed, health, heldStatus);
                }
                heldAnswers.add(heldStatus);
            }
        }
        return fail("no attempt held the slot within " + DEADLINE_SECONDS + " s; the held requests got " + heldAnswers);
    }

    private static byte[] requestHead(String key, int contentLength) {
        return ("POST " + Api.DECISIONS + " HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + Api.API_KEY_HEADER + ": " + key + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the first shed answer, or null once the server answered the held request (or time ran out) */
    private static HttpResponse<String> askUntilShed(Api client, Socket held, long deadline) throws IOException {
        while (held.getInputStream().available() == 0 && System.nanoTime() < deadline) {
            HttpResponse<String> response = client.decide(designExampleRequest());
            if (response.statusCode() == 503) {
                return response;
            }
        }
        return null;
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

    /** @return the status line of the server's answer on {@code socket}, without the reason phrase */
    private static String statusLine(Socket socket) throws IOException {
        String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        return line == null ? "(connection closed)" : line.substring(0, Math.min(line.length(), 13));
    }
}
