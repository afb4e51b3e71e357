package dev.stockroom.catalog.web;

import dev.stockroom.catalog.domain.StockAdjustment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** One entry of a product's stock ledger. */
@Schema(name = "StockAdjustment", description = "A recorded change of a product's stock.")
record StockAdjustmentResponse(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Identifier of the adjustment.",
                example = "6a1f0e2b-9c3d-4e5f-8a7b-1c2d3e4f5a6b")
        UUID id,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The product whose stock changed.",
                example = "0b9f3c1e-5d6a-4f7e-9a51-2f0c7d5e8b11")
        UUID productId,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Units added (positive) or removed (negative).",
                example = "-3")
        int delta,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Why the stock changed.",
                example = "damaged in warehouse")
        String reason,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The stock level right after this adjustment.",
                example = "97")
        int stock,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "When the adjustment was made (RFC 3339, UTC).",
                example = "2026-02-01T10:00:00Z")
        Instant createdAt) {

    static StockAdjustmentResponse from(StockAdjustment adjustment) {
        return new StockAdjustmentResponse(
                adjustment.id(),
                adjustment.productId().value(),
                adjustment.delta(),
                adjustment.reason(),
                adjustment.stockAfter(),
                adjustment.createdAt());
    }
}
