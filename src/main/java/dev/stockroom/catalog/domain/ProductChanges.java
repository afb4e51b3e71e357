package dev.stockroom.catalog.domain;

import org.jspecify.annotations.Nullable;

/**
 * The fields a client asked to change. A null name, price or low-stock threshold means "not sent"; the
 * description can be sent as null to clear it, hence the separate flag.
 */
public record ProductChanges(
        @Nullable String name,
        boolean descriptionSent,
        @Nullable String description,
        @Nullable Price price,
        @Nullable Integer lowStockThreshold) {}
