package dev.stockroom.customers;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** A customer (without orders) was deleted; {@code customer} is what it was just before. */
public record CustomerDeleted(Customer customer) implements CustomerEvent {

    @Override
    public String action() {
        return "customer.deleted";
    }

    @Override
    public CustomerId customerId() {
        return customer.id();
    }

    @Override
    public Map<String, Change> changes() {
        return AuditableEvent.deleted(CustomerAudit.fieldsOf(customer));
    }
}
