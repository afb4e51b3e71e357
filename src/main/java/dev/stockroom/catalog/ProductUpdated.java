package dev.stockroom.catalog;

import dev.stockroom.catalog.domain.Product;
import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** A product's name, description or price changed; {@code before} and {@code after} are whole products. */
public record ProductUpdated(Product before, Product after) implements ProductEvent {

    @Override
    public String action() {
        return "product.updated";
    }

    @Override
    public ProductId productId() {
        return after.id();
    }

    @Override
    public Map<String, Change> changes() {
        return AuditableEvent.between(CatalogAudit.fieldsOf(before), CatalogAudit.fieldsOf(after));
    }
}
