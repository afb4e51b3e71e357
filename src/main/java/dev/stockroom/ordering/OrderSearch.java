package dev.stockroom.ordering;

import dev.stockroom.customers.CustomerId;
import dev.stockroom.shared.paging.PageQuery;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A page request over orders, newest filters first; every filter is optional. */
public record OrderSearch(
        @Nullable OrderStatus status,
        @Nullable CustomerId customerId,
        @Nullable Instant createdAfter,
        @Nullable Instant createdBefore,
        int limit,
        @Nullable String cursor)
        implements PageQuery {

    @Override
    public String fingerprint() {
        return String.join(
                "|",
                "orders",
                String.valueOf(status),
                String.valueOf(customerId),
                String.valueOf(createdAfter),
                String.valueOf(createdBefore));
    }
}
