package dev.stockroom.catalog;

import dev.stockroom.catalog.domain.ProductId;

/** A number of units of one product, to reserve for an order or to give back. */
public record StockRequest(ProductId productId, int quantity) {}
