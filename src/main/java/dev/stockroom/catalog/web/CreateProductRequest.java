package dev.stockroom.catalog.web;

import dev.stockroom.catalog.NewProduct;
import dev.stockroom.catalog.domain.Price;
import dev.stockroom.catalog.domain.Product;
import dev.stockroom.catalog.domain.Sku;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /v1/products}. Fields are nullable only so that a missing one is reported as such. */
@Schema(name = "CreateProductRequest", description = "A new product.")
record CreateProductRequest(
        @Schema(
                description = "Stock keeping unit: unique, immutable once created.",
                example = "WIDGET-42",
                pattern = Sku.PATTERN,
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @Pattern(regexp = Sku.PATTERN) @Nullable String sku,

        @Schema(
                description = "Display name, 1 to 200 characters.",
                example = "Blue widget",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = Product.MAX_NAME) @Nullable String name,

        @Schema(description = "Optional longer description, at most 2000 characters.", example = "A sturdy widget.")
        @Size(max = Product.MAX_DESCRIPTION) @Nullable String description,

        @Schema(
                description = "Unit price: a JSON number above 0 and at most 1000000, with at most 2 fraction"
                        + " digits. Kept as an exact decimal.",
                example = "19.99",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(Price.MAX) @Digits(integer = 7, fraction = 2) @Nullable BigDecimal price,

        @Schema(
                description = "Units available to sell at creation.",
                example = "100",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @Min(0) @Max(Product.MAX_STOCK) @Nullable Integer stock,

        @Schema(
                description = "Stock at or below which a `stock.low` webhook event is sent; 0 (the default) means"
                        + " when sold out.",
                example = "5",
                defaultValue = "0")
        @Min(0) @Max(Product.MAX_LOW_STOCK_THRESHOLD) @Nullable Integer lowStockThreshold) {

    /** Valid by now: Bean Validation has checked every field. */
    @SuppressWarnings("NullAway")
    NewProduct toCommand() {
        return new NewProduct(
                new Sku(sku),
                name,
                description,
                new Price(price),
                stock,
                lowStockThreshold == null ? 0 : lowStockThreshold);
    }
}
