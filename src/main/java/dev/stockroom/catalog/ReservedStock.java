package dev.stockroom.catalog;

import dev.stockroom.catalog.domain.Price;
import dev.stockroom.catalog.domain.ProductId;
import dev.stockroom.catalog.domain.Sku;

/** Units taken out of stock for an order, with the product as it was at that moment. */
public record ReservedStock(ProductId productId, Sku sku, String name, Price unitPrice, int quantity) {}
