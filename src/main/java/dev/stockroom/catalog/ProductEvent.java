package dev.stockroom.catalog;

import dev.stockroom.shared.audit.AuditableEvent;

/** Something that happened to a product: what webhooks and the audit log hear about the catalog. */
public sealed interface ProductEvent extends AuditableEvent
        permits ProductCreated, ProductUpdated, ProductDeleted, StockAdjusted, StockRanLow {

    ProductId productId();

    @Override
    default String resourceType() {
        return "product";
    }

    @Override
    default String resourceId() {
        return productId().toString();
    }
}
