package dev.stockroom.customers;

import dev.stockroom.shared.audit.AuditableEvent;

/** Something that happened to a customer. */
public sealed interface CustomerEvent extends AuditableEvent permits CustomerCreated, CustomerUpdated, CustomerDeleted {

    CustomerId customerId();

    @Override
    default String resourceType() {
        return "customer";
    }

    @Override
    default String resourceId() {
        return customerId().toString();
    }
}
