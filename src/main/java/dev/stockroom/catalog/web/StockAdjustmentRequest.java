package dev.stockroom.catalog.web;

import dev.stockroom.catalog.domain.Product;
import dev.stockroom.catalog.domain.StockAdjustment;
import dev.stockroom.shared.web.NonZero;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /v1/products/{id}/stock-adjustments}. */
@Schema(name = "StockAdjustmentRequest", description = "A change of the units available, and why.")
record StockAdjustmentRequest(
        @Schema(
                description = "Units to add (positive) or remove (negative); never 0.",
                example = "-3",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @NonZero
        @Min(-Product.MAX_STOCK) @Max(Product.MAX_STOCK) @Nullable Integer delta,

        @Schema(
                description = "Why the stock changed, at most 500 characters.",
                example = "damaged in warehouse",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = StockAdjustment.MAX_REASON) @Nullable String reason) {

    /** Valid by now: Bean Validation has checked that the delta was sent. */
    @SuppressWarnings("NullAway")
    int units() {
        return delta;
    }

    /** Valid by now: Bean Validation has checked that the reason was sent and is not blank. */
    @SuppressWarnings("NullAway")
    String why() {
        return reason;
    }
}
