package dev.arbiter.trace;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A position in the newest-first order of decisions: the sort key (decision time, decision id) of the last
 * decision a page showed. The next page holds the decisions strictly after it in that order, so pages neither
 * repeat nor skip decisions while new ones are stored. Sent to clients as an opaque URL-safe string.
 */
public record TraceCursor(Instant decidedAt, String decisionId) {

    private static final Pattern DECISION_ID = Pattern.compile("[0-9A-Za-z-]{1,36}");
    private static final int MAX_ENCODED_LENGTH = 200;

    /** @return the cursor as an opaque URL-safe token */
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((decidedAt + "|" + decisionId).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the cursor a token stands for, or empty when it is not one this service issued */
    public static Optional<TraceCursor> decode(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_ENCODED_LENGTH) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar < 0) {
                return Optional.empty();
            }
            String decisionId = text.substring(bar + 1);
            if (!DECISION_ID.matcher(decisionId).matches()) {
                return Optional.empty();
            }
            return Optional.of(new TraceCursor(Instant.parse(text.substring(0, bar)), decisionId));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
