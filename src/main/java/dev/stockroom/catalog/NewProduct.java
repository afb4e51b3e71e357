package dev.stockroom.catalog;

import dev.stockroom.catalog.domain.Price;
import dev.stockroom.catalog.domain.Sku;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to add a product to the catalog; {@code lowStockThreshold} is the stock at or below which it
 * counts as running low (0: when sold out).
 */
public record NewProduct(
        Sku sku, String name, @Nullable String description, Price price, int stock, int lowStockThreshold) {}
