package dev.stockroom.catalog;

import dev.stockroom.shared.DomainException;
import java.util.LinkedHashMap;
import java.util.List;

/** Not enough stock for one or more lines of an order; nothing was reserved. */
public final class StockShortage extends DomainException {

    /** One line that cannot be served. */
    public record Shortfall(ProductId productId, int requested, int available) {}

    StockShortage(List<Shortfall> shortfalls) {
        super(
                Kind.CONFLICT,
                "insufficient-stock",
                "Insufficient stock",
                shortfalls.size() == 1
                        ? "One line asks for more units than are available; nothing was reserved."
                        : shortfalls.size() + " lines ask for more units than are available; nothing was reserved.");
        with(
                "shortfalls",
                shortfalls.stream()
                        .map(s -> {
                            var member = new LinkedHashMap<String, Object>();
                            member.put("product_id", s.productId().value());
                            member.put("requested", s.requested());
                            member.put("available", s.available());
                            return member;
                        })
                        .toList());
    }
}
