package dev.stockroom.ordering.web;

import dev.stockroom.customers.CustomerId;
import dev.stockroom.ordering.OrderSearch;
import dev.stockroom.ordering.OrderStatus;
import dev.stockroom.shared.web.PageCursor;
import dev.stockroom.shared.web.PageLimit;
import dev.stockroom.shared.web.PageParameters;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.BindParam;

/** The query parameters of {@code GET /v1/orders}, bound together so that every invalid one is reported. */
@ParameterObject
record OrderListParameters(
        @Parameter(description = "Only orders in this status.") @Nullable OrderStatus status,

        @BindParam("customer_id")
        @Parameter(name = "customer_id", description = "Only this customer's orders.")
        @Nullable UUID customerId,

        @BindParam("created_after")
        @Parameter(
                name = "created_after",
                description = "Only orders placed after this instant (RFC 3339).",
                example = "2026-01-01T00:00:00Z")
        @Nullable OffsetDateTime createdAfter,

        @BindParam("created_before")
        @Parameter(
                name = "created_before",
                description = "Only orders placed before this instant (RFC 3339).",
                example = "2026-12-31T00:00:00Z")
        @Nullable OffsetDateTime createdBefore,

        @PageLimit @Nullable Integer limit,

        @PageCursor @Nullable String cursor) {

    OrderSearch toSearch() {
        return new OrderSearch(
                status,
                customerId == null ? null : new CustomerId(customerId),
                createdAfter == null ? null : createdAfter.toInstant(),
                createdBefore == null ? null : createdBefore.toInstant(),
                PageParameters.size(limit),
                cursor);
    }
}
