package dev.arbiter.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP/1.1 requests a load run sends: {@code POST /api/v1/decisions} with the JSON lines of the mix in turn,
 * each with a requestId of its own ({@code <run prefix>-<sequence>}), so that every request is a new decision that
 * goes through the idempotency look-up and is stored. Immutable and thread-safe.
 */
final class RequestMix {

    static final String PATH = "/api/v1/decisions";
    private static final String KEY_ROLE = "DECISION_CLIENT=";

    private final List<byte[]> bodiesAfterBrace;
    private final String headers;
    private final String runPrefix;

    /**
     * @param requests JSON lines, each an object without requestId
     * @param hostPort value of the Host header
     * @param apiKey   sent as X-API-Key when present
     * @param runPrefix requestIds start with it; unique per run
     * @throws IllegalArgumentException when there is no request or a line is not a JSON object
     */
    RequestMix(List<String> requests, String hostPort, Optional<String> apiKey, String runPrefix) {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("the request mix is empty");
        }
        this.bodiesAfterBrace = requests.stream().map(RequestMix::afterBrace).toList();
        this.headers = "POST " + PATH + " HTTP/1.1\r\nHost: " + hostPort
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                + apiKey.map(key -> "X-API-Key: " + key + "\r\n").orElse("") + "Content-Length: ";
        this.runPrefix = runPrefix;
    }

    /** @return the non-blank lines of {@code file} */
    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the request mix " + file, e);
        }
    }

    /**
     * @return the DECISION_CLIENT key in the initial-keys file; empty when there is no file (security not on)
     * @throws IllegalArgumentException when the file has no DECISION_CLIENT line
     */
    static Optional<String> decisionClientKey(Path keysFile) {
        if (keysFile == null || !Files.isRegularFile(keysFile)) {
            return Optional.empty();
        }
        try {
            String key = Files.readAllLines(keysFile, StandardCharsets.UTF_8).stream().map(String::trim)
                    .filter(line -> line.startsWith(KEY_ROLE)).map(line -> line.substring(KEY_ROLE.length()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(keysFile + " has no " + KEY_ROLE + " line"));
            return Optional.of(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + keysFile, e);
        }
    }

    int size() {
        return bodiesAfterBrace.size();
    }

    /** @return the complete request number {@code sequence} (≥ 0): headers and body, the mix's entries in turn */
    byte[] request(long sequence) {
        byte[] rest = bodiesAfterBrace.get((int) (sequence % bodiesAfterBrace.size()));
        byte[] opening = ("{\"requestId\":\"" + runPrefix + "-" + sequence + "\",").getBytes(StandardCharsets.US_ASCII);
        byte[] head = (headers + (opening.length + rest.length) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + opening.length + rest.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(opening, 0, request, head.length, opening.length);
        System.arraycopy(rest, 0, request, head.length + opening.length, rest.length);
        return request;
    }

    private static byte[] afterBrace(String json) {
        String trimmed = json.trim();
        if (!trimmed.startsWith("{") || trimmed.length() < 3 || "{}".equals(trimmed.replace(" ", ""))) {
            throw new IllegalArgumentException("not a non-empty JSON object: " + json);
        }
        return trimmed.substring(1).getBytes(StandardCharsets.UTF_8);
    }
}
