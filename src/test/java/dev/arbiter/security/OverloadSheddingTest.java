package dev.arbiter.security;

import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.support.Api;
import dev.arbiter.support.HttpServiceTest;

/**
 * The global bound on work in progress: with one slot, a request whose body is still arriving holds it, and the
 * next request is shed at once with 503 and Retry-After instead of waiting without end; health stays reachable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "arbiter.security.max-concurrent-requests=1",
        "arbiter.security.max-queue-wait=0s"})
class OverloadSheddingTest extends HttpServiceTest {

    @Test
    void whenEverySlotIsBusyTheNextRequestIsShedWith503() throws Exception {
        Api client = apiAs("busy-client", Role.DECISION_CLIENT);
        byte[] body = Api.JSON.writeValueAsString(designExampleRequest()).getBytes(StandardCharsets.UTF_8);
        HeldBody held = new HeldBody(body);
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> client.send(
                client.request(Api.DECISIONS).header("Content-Type", "application/json").POST(held)));
        assertThat(held.firstHalfSent.await(30, TimeUnit.SECONDS)).as("the slow request started").isTrue();

        HttpResponse<String> shed = awaitShed(client);
        HttpResponse<String> health = anonymous().get("/actuator/health/liveness");
        held.release.countDown();

        assertProblem(shed, 503);
        assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(slow.get(30, TimeUnit.SECONDS).statusCode()).as("the held request completes").isEqualTo(200);
        assertThat(client.decide(designExampleRequest()).statusCode()).as("the slot is free again").isEqualTo(200);
    }

    /**
     * The server reads the first half of the body inside its slot, then waits for the rest; until the held request
     * has reached the server a request may still find the slot free, so ask until one is shed (for at most 60 s).
     */
    private static HttpResponse<String> awaitShed(Api client) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        HttpResponse<String> response;
        do {
            response = client.decide(designExampleRequest());
        } while (response.statusCode() != 503 && System.nanoTime() < deadline);
        return response;
    }

    /** A request body sent in two halves: the second only after {@link #release}. */
    private static final class HeldBody implements HttpRequest.BodyPublisher {
        final CountDownLatch firstHalfSent = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final byte[] body;

        HeldBody(byte[] body) {
            this.body = body;
        }

        @Override
        public long contentLength() {
            return body.length;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            subscriber.onSubscribe(new Flow.Subscription() {
                private int sent;

                @Override
                public void request(long n) {
                    if (sent == 0) {
                        sent = 1;
                        subscriber.onNext(ByteBuffer.wrap(body, 0, body.length / 2));
                        firstHalfSent.countDown();
                    } else if (sent == 1) {
                        sent = 2;
                        CompletableFuture.runAsync(() -> {
                            awaitRelease();
                            subscriber.onNext(ByteBuffer.wrap(body, body.length / 2, body.length - body.length / 2));
                            subscriber.onComplete();
                        });
                    }
                }

                @Override
                public void cancel() {
                    release.countDown();
                }
            });
        }

        private void awaitRelease() {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
