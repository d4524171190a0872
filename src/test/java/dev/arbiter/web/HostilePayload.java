package dev.arbiter.web;

import java.util.List;

/**
 * One request of the fuzz storm against {@code POST /api/v1/decisions}.
 *
 * @param index        its number in the storm; with the seed it rebuilds the payload exactly
 * @param kind         which hostile family it belongs to
 * @param description  what was done to it, e.g. {@code customer.tier -> NUMBER 42}
 * @param body         the exact bytes sent
 * @param contentTypes the Content-Type header values sent (none, one, or several)
 * @param chunked      true to send without Content-Length (chunked transfer)
 * @param expected     which answers are right for it
 */
record HostilePayload(int index, HostilePayloads.Kind kind, String description, byte[] body, List<String> contentTypes,
                      boolean chunked, Expected expected) {

    static final String JSON = "application/json";

    HostilePayload {
        contentTypes = List.copyOf(contentTypes);
    }

    /** The answers a payload may get; a 5xx is never one of them. */
    enum Expected {
        /** A valid request: 200. */
        DECIDED,
        /** A request the contract forbids: any 4xx problem. */
        REJECTED,
        /** A body over the size limit: 413. */
        TOO_LARGE,
        /** Valid or not depending on how lenient the contract is (e.g. an optional field set to null): 200 or 4xx. */
        EITHER;

        boolean accepts(int status) {
            return switch (this) {
                case DECIDED -> status == 200;
                case REJECTED -> status >= 400 && status < 500;
                case TOO_LARGE -> status == 413;
                case EITHER -> status == 200 || status >= 400 && status < 500;
            };
        }
    }

    /** @return the body for a failure message: printable ASCII kept, everything else escaped, cut at {@code max} */
    String preview(int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < body.length && text.length() < max; i++) {
            int b = body[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\') {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02X", b));
            }
        }
        return body.length > max ? text + "... (" + body.length + " bytes in all)" : text.toString();
    }
}
