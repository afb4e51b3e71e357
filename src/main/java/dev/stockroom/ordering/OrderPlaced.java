package dev.stockroom.ordering;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** An order was placed: its stock is reserved and it is pending; published in the transaction that placed it. */
public record OrderPlaced(Order order) implements OrderEvent {

    @Override
    public String action() {
        return "order.placed";
    }

    @Override
    public Map<String, Change> changes() {
        var placed = new LinkedHashMap<String, Object>();
        placed.put("customer_id", order.customerId().toString());
        placed.put("status", order.status().wireValue());
        placed.put("total", order.total());
        placed.put(
                "lines",
                order.lines().stream()
                        .map(line -> Map.of(
                                "product_id", line.productId().toString(),
                                "sku", line.sku(),
                                "unit_price", line.unitPrice(),
                                "quantity", line.quantity()))
                        .toList());
        return AuditableEvent.created(placed);
    }
}
