package dev.stockroom.catalog;

import dev.stockroom.catalog.domain.Product;
import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** A product was added to the catalog; published in the transaction that added it. */
public record ProductCreated(Product product) implements ProductEvent {

    @Override
    public String action() {
        return "product.created";
    }

    @Override
    public ProductId productId() {
        return product.id();
    }

    @Override
    public Map<String, Change> changes() {
        return AuditableEvent.created(CatalogAudit.fieldsOf(product));
    }
}
