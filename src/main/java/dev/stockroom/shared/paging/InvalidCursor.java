package dev.stockroom.shared.paging;

import dev.stockroom.shared.DomainException;
import java.util.List;

/** The cursor was not issued by this service for this query: tampered, truncated or reused elsewhere. */
public final class InvalidCursor extends DomainException {

    private InvalidCursor(String detail) {
        super(Kind.UNPROCESSABLE, "invalid-cursor", "Invalid cursor", detail);
        with("errors", List.of(error("parameter", "cursor", detail, "invalid_cursor")));
    }

    static InvalidCursor notIssued() {
        return new InvalidCursor("The cursor is not one this service issued.");
    }

    static InvalidCursor ofAnotherQuery() {
        return new InvalidCursor("The cursor belongs to a different sort or filter; start again without it.");
    }
}
