package dev.stockroom.customers;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** A customer was created; published in the transaction that created it. */
public record CustomerCreated(Customer customer) implements CustomerEvent {

    @Override
    public String action() {
        return "customer.created";
    }

    @Override
    public CustomerId customerId() {
        return customer.id();
    }

    @Override
    public Map<String, Change> changes() {
        return AuditableEvent.created(CustomerAudit.fieldsOf(customer));
    }
}
