package dev.stockroom.ordering;

import java.util.List;
import java.util.UUID;

/** What it takes to place an order: the customer and, for each product, how many units. */
public record NewOrder(UUID customerId, List<Line> lines) {

    /** One requested line. */
    public record Line(UUID productId, int quantity) {}

    public NewOrder {
        lines = List.copyOf(lines);
    }
}
