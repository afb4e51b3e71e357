package dev.stockroom.ordering;

import dev.stockroom.catalog.ProductId;
import java.math.BigDecimal;

/**
 * One line of an order, with a snapshot of the product as it was sold: later changes to the product do not
 * change the order. The line total is exact: unit price times quantity.
 */
public record OrderLine(ProductId productId, String sku, String name, BigDecimal unitPrice, int quantity) {

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
