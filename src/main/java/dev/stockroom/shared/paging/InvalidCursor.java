package dev.stockroom.shared.paging;

import dev.stockroom.shared.DomainException;
import java.util.List;

/** The cursor was not issued by this service for this query: tampered, truncated or reused elsewhere. */
public final class InvalidCursor extends DomainException {

    InvalidCursor(String detail) {
        super(Kind.UNPROCESSABLE, "invalid-cursor", "Invalid cursor", detail);
        with("errors", List.of(error("parameter", "cursor", detail, "invalid_cursor")));
    }
}
