package dev.stockroom.ordering.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stockroom.ordering.Order;
import dev.stockroom.ordering.OrderLine;
import dev.stockroom.ordering.StatusChange;
import dev.stockroom.shared.security.Caller;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order as clients see it. */
@Schema(name = "Order", description = "An order.")
record OrderResponse(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Identifier.",
                example = "c2a9e1f0-1b2c-4d3e-8f4a-5b6c7d8e9f00")
        UUID id,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The customer.",
                example = "7d1e3b8a-2f4c-4d6e-9a1b-3c5d7e9f1a2b")
        UUID customerId,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "pending, confirmed, shipped, delivered or cancelled.",
                example = "pending")
        String status,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The lines, as sold.")
        List<Line> lines,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Sum of the line totals, exact.",
                example = "59.97")
        BigDecimal total,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Every status the order has had, oldest first. For a partner client bound to a"
                        + " customer, steps made by staff show only status and time (no `by`, no `reason`).")
        List<Change> statusHistory,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Version; the ETag is this number in quotes.",
                example = "1")
        long version,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "When the order was placed (RFC 3339, UTC).",
                example = "2026-01-31T09:30:00Z")
        Instant createdAt,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "When the order last changed (RFC 3339, UTC).",
                example = "2026-02-01T10:00:00Z")
        Instant updatedAt) {

    /** A line with the product as it was sold. */
    @Schema(name = "OrderLine", description = "One line of an order.")
    record Line(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The product.",
                    example = "0b9f3c1e-5d6a-4f7e-9a51-2f0c7d5e8b11")
            UUID productId,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Its sku when sold.",
                    example = "WIDGET-42")
            String sku,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Its name when sold.",
                    example = "Blue widget")
            String name,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Its unit price when sold.",
                    example = "19.99")
            BigDecimal unitPrice,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Units.", example = "3")
            int quantity,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Unit price times quantity.",
                    example = "59.97")
            BigDecimal lineTotal) {

        static Line from(OrderLine line) {
            return new Line(
                    line.productId().value(),
                    line.sku(),
                    line.name(),
                    line.unitPrice(),
                    line.quantity(),
                    line.lineTotal());
        }
    }

    /** One step of the history; {@code by} and {@code reason} are left out where the caller may not see them. */
    @Schema(name = "OrderStatusChange", description = "A status the order entered.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Change(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The status entered.",
                    example = "confirmed")
            String status,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "When (RFC 3339, UTC).",
                    example = "2026-02-01T10:00:00Z")
            Instant at,

            @Schema(
                    description = "Who: the user or client id. Absent for partner clients bound to a customer,"
                            + " unless the partner made this step itself.",
                    example = "stockroom-admin")
            @Nullable String by,

            @Schema(
                    description = "Why, if they said. Absent when no reason was given, and for partner clients"
                            + " bound to a customer unless the partner made this step itself.",
                    example = "customer changed their mind")
            @Nullable String reason) {

        static Change from(StatusChange change, Caller caller) {
            return change.disclosesActorTo(caller)
                    ? new Change(change.status().wireValue(), change.at(), change.by(), change.reason())
                    : new Change(change.status().wireValue(), change.at(), null, null);
        }
    }

    /** The order as this caller may see it (see {@link StatusChange#disclosesActorTo}). */
    static OrderResponse from(Order order, Caller caller) {
        return new OrderResponse(
                order.id().value(),
                order.customerId().value(),
                order.status().wireValue(),
                order.lines().stream().map(Line::from).toList(),
                order.total(),
                order.history().stream()
                        .map(change -> Change.from(change, caller))
                        .toList(),
                order.version(),
                order.createdAt(),
                order.updatedAt());
    }
}
