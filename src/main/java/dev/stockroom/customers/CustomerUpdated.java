package dev.stockroom.customers;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** A customer changed; {@code before} and {@code after} are the whole customer. */
public record CustomerUpdated(Customer before, Customer after) implements CustomerEvent {

    @Override
    public String action() {
        return "customer.updated";
    }

    @Override
    public CustomerId customerId() {
        return after.id();
    }

    @Override
    public Map<String, Change> changes() {
        return AuditableEvent.between(CustomerAudit.fieldsOf(before), CustomerAudit.fieldsOf(after));
    }
}
