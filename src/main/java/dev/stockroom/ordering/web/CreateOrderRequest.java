package dev.stockroom.ordering.web;

import dev.stockroom.catalog.ProductId;
import dev.stockroom.customers.CustomerId;
import dev.stockroom.ordering.NewOrder;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /v1/orders}. */
@Schema(name = "CreateOrderRequest", description = "A new order.")
record CreateOrderRequest(
        @Schema(
                description = "The customer who orders.",
                example = "7d1e3b8a-2f4c-4d6e-9a1b-3c5d7e9f1a2b",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @Nullable UUID customerId,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "1 to 100 lines, each product at most once.",
                                requiredMode = Schema.RequiredMode.REQUIRED))
        @NotNull @Size(min = 1, max = 100) @Nullable List<@NotNull @Valid LineRequest> lines) {

    /** One line of a new order. */
    @Schema(name = "OrderLineRequest", description = "A product and how many units of it.")
    record LineRequest(
            @Schema(
                    description = "The product.",
                    example = "0b9f3c1e-5d6a-4f7e-9a51-2f0c7d5e8b11",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull @Nullable UUID productId,

            @Schema(description = "Units, 1 to 10000.", example = "2", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull @Min(1) @Max(10_000) @Nullable Integer quantity) {}

    @SuppressWarnings("NullAway")
    NewOrder toCommand() {
        return new NewOrder(
                new CustomerId(customerId),
                lines.stream()
                        .map(line -> new NewOrder.Line(new ProductId(line.productId()), line.quantity()))
                        .toList());
    }
}
