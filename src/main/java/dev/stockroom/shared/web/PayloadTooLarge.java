package dev.stockroom.shared.web;

import java.io.IOException;

/**
 * The request body is over the limit. An {@link IOException} so it can surface from inside a JSON parser that
 * is reading the body stream; the error handler finds it in the cause chain. Public so that filters outside this
 * package (idempotency) can recognise it and hand it to the error handler; only this package raises it.
 */
public class PayloadTooLarge extends IOException {

    PayloadTooLarge(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes.");
    }
}
