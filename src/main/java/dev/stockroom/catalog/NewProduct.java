package dev.stockroom.catalog;

import dev.stockroom.catalog.domain.Price;
import dev.stockroom.catalog.domain.Sku;
import org.jspecify.annotations.Nullable;

/** What it takes to add a product to the catalog. */
public record NewProduct(Sku sku, String name, @Nullable String description, Price price, int stock) {}
