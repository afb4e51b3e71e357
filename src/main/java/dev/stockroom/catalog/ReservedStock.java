package dev.stockroom.catalog;

import java.math.BigDecimal;

/** Units taken out of stock for an order, with the product as it was at that moment. */
public record ReservedStock(ProductId productId, String sku, String name, BigDecimal unitPrice, int quantity) {}
