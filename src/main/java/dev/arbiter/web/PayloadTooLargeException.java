package dev.arbiter.web;

import java.io.IOException;

/** The request body is larger than the configured limit. */
class PayloadTooLargeException extends IOException {
    PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
