package dev.stockroom.catalog;

/** A number of units of one product, to reserve for an order or to give back. */
public record StockRequest(ProductId productId, int quantity) {}
