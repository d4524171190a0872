package dev.arbiter.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the running service over real HTTP, with JSON and problem+json helpers for assertions. It sends its API
 * key (if it has one) as {@code X-API-Key} with every request.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String DECISIONS = "/api/v1/decisions";
    public static final String AUTOMATION = "/api/v1/automation";
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    public static final String API_KEY_HEADER = "X-API-Key";

    private final HttpClient http;
    private final URI base;
    private final String key;

    /** @param key the API key to send, or null for an anonymous client */
    public Api(int port, String key) {
        this.key = key;
        this.base = URI.create("http://localhost:" + port);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** @return a request builder for {@code path} on the service */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        return key == null ? request : request.header(API_KEY_HEADER, key);
    }

    /** @return a client of the same service that sends {@code otherKey} instead (null: anonymous) */
    public Api withKey(String otherKey) {
        return new Api(base.getPort(), otherKey);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a decision request as JSON. */
    public HttpResponse<String> decide(JsonNode request) {
        return decide(JSON.writeValueAsString(request));
    }

    /** POSTs a raw body to the decision endpoint as {@code application/json}. */
    public HttpResponse<String> decide(String body) {
        return send(request(DECISIONS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POSTs a decision request and asserts that the service decided (200). */
    public JsonNode decided(JsonNode request) {
        HttpResponse<String> response = decide(request);
        assertThat(response.statusCode()).as("status of a decision; body: %s", response.body()).isEqualTo(200);
        return json(response);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> put(String path, JsonNode body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** POSTs {@code body} (any value Jackson can write; null sends no body) as {@code application/json}. */
    public HttpResponse<String> post(String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        return send(request(path).header("Content-Type", "application/json").POST(publisher));
    }

    /** Sets the kill switch and asserts that the service accepted the command. */
    public JsonNode automation(String command) {
        HttpResponse<String> response = put(AUTOMATION, JSON.readTree(command));
        assertThat(response.statusCode()).as("kill switch; body: %s", response.body()).isEqualTo(200);
        return json(response);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** Asserts an RFC 9457 problem of the given status and returns its body. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("status; body: %s", response.body()).isEqualTo(status);
        assertThat(contentType(response)).as("Content-Type").startsWith(PROBLEM_JSON);
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        return problem;
    }

    /** @return the {@code field} of each entry of the problem's {@code errors} */
    public static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }
}
