package dev.stockroom.catalog;

import dev.stockroom.catalog.domain.Product;
import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** A product was removed; {@code product} is what it was just before. */
public record ProductDeleted(Product product) implements ProductEvent {

    @Override
    public String action() {
        return "product.deleted";
    }

    @Override
    public ProductId productId() {
        return product.id();
    }

    @Override
    public Map<String, Change> changes() {
        return AuditableEvent.deleted(CatalogAudit.fieldsOf(product));
    }
}
