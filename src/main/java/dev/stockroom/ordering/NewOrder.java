package dev.stockroom.ordering;

import dev.stockroom.catalog.ProductId;
import dev.stockroom.customers.CustomerId;
import java.util.List;

/** What it takes to place an order: the customer and, for each product, how many units. */
public record NewOrder(CustomerId customerId, List<Line> lines) {

    /** One requested line. */
    public record Line(ProductId productId, int quantity) {}

    public NewOrder {
        lines = List.copyOf(lines);
    }
}
