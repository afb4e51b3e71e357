package dev.stockroom.catalog;

import java.util.UUID;

/** A number of units of one product, to reserve for an order or to give back. */
public record StockRequest(UUID productId, int quantity) {}
