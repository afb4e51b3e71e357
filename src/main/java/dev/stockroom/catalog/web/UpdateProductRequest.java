package dev.stockroom.catalog.web;

import dev.stockroom.catalog.domain.Price;
import dev.stockroom.catalog.domain.Product;
import dev.stockroom.catalog.domain.ProductChanges;
import dev.stockroom.shared.web.PresentIfSent;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /v1/products/{id}} (JSON merge patch): only the members sent change. Each field is
 * {@code null} when it was left out and an empty {@link Optional} when it was sent as JSON {@code null}; only
 * the description may be cleared that way. The sku and stock are not here, so sending them is an unknown
 * property (422); raising the low-stock threshold to meet the stock makes the product run low.
 */
@Schema(name = "UpdateProductRequest", description = "The fields to change; every field is optional.")
@SuppressWarnings("OptionalUsedAsFieldOrParameterType")
record UpdateProductRequest(
        @Schema(description = "New display name, 1 to 200 characters. Cannot be null.", example = "Red widget")
        @PresentIfSent
        @Nullable Optional<
                        @Size(min = 1, max = Product.MAX_NAME) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String>
                name,

        @Schema(description = "New description, at most 2000 characters; null clears it.", example = "Now in red.")
        @Nullable Optional<@Size(max = Product.MAX_DESCRIPTION) String> description,

        @Schema(
                description =
                        "New unit price, above 0 and at most 1000000, 2 fraction digits at most. Cannot be" + " null.",
                example = "24.50")
        @PresentIfSent
        @Nullable Optional<
                        @DecimalMin(value = "0", inclusive = false) @DecimalMax(Price.MAX) @Digits(integer = 7, fraction = 2) BigDecimal>
                price,

        @Schema(
                description = "New stock at or below which a `stock.low` webhook event is sent, 0 to 1000000000;"
                        + " 0 means when sold out. Raised to meet the current stock, it sends the event at once."
                        + " Cannot be null.",
                example = "5",
                minimum = "0",
                maximum = "1000000000")
        @PresentIfSent
        @Nullable Optional<@Min(0) @Max(Product.MAX_LOW_STOCK_THRESHOLD) Integer> lowStockThreshold) {

    ProductChanges toChanges() {
        return new ProductChanges(
                name == null ? null : name.orElseThrow(),
                description != null,
                description == null ? null : description.orElse(null),
                price == null ? null : new Price(price.orElseThrow()),
                lowStockThreshold == null ? null : lowStockThreshold.orElseThrow());
    }
}
