package dev.stockroom.customers;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** A customer (without orders) was deleted; {@code customer} is what it was just before. */
public record CustomerDeleted(Customer customer) implements AuditableEvent {

    @Override
    public String action() {
        return "customer.deleted";
    }

    @Override
    public String resourceType() {
        return "customer";
    }

    @Override
    public String resourceId() {
        return customer.id().toString();
    }

    @Override
    public Map<String, Change> changes() {
        return AuditableEvent.deleted(CustomerAudit.fieldsOf(customer));
    }
}
