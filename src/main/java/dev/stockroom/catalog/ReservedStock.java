package dev.stockroom.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/** Units taken out of stock for an order, with the product as it was at that moment. */
public record ReservedStock(UUID productId, String sku, String name, BigDecimal unitPrice, int quantity) {}
