package dev.stockroom.catalog.web;

import dev.stockroom.catalog.domain.Product;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A product as clients see it. */
@Schema(name = "Product", description = "A product of the catalog.")
record ProductResponse(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Identifier made by the server.",
                example = "0b9f3c1e-5d6a-4f7e-9a51-2f0c7d5e8b11")
        UUID id,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Stock keeping unit; unique and immutable.",
                example = "WIDGET-42")
        String sku,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Display name.", example = "Blue widget")
        String name,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Longer description, or null.",
                example = "A sturdy widget.")
        @Nullable String description,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Unit price, an exact decimal with 2 fraction digits.",
                example = "19.99")
        BigDecimal price,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Units available to sell.", example = "100")
        int stock,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Whether at least one unit is available (stock > 0).",
                example = "true")
        boolean inStock,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Stock at or below which a `stock.low` webhook event is sent; 0 means when sold out.",
                example = "5")
        int lowStockThreshold,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Version of the product; its ETag is this number in quotes.",
                example = "3")
        long version,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "When the product was created (RFC 3339, UTC).",
                example = "2026-01-31T09:30:00Z")
        Instant createdAt,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "When the product last changed (RFC 3339, UTC).",
                example = "2026-02-01T10:00:00Z")
        Instant updatedAt) {

    static ProductResponse from(Product product) {
        return new ProductResponse(
                product.id().value(),
                product.sku().value(),
                product.name(),
                product.description(),
                product.price().amount(),
                product.stock(),
                product.inStock(),
                product.lowStockThreshold(),
                product.version(),
                product.createdAt(),
                product.updatedAt());
    }
}
